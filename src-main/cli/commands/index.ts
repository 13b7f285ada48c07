/** Every subcommand, in the order `mods-migrate --help` lists them. */
import type { Command } from '../command'
import { importCommand } from './import'
import { profileCommand } from './profile'

export const commands: Command[] = [importCommand, profileCommand]
