/** Every subcommand, in the order `mods-migrate --help` lists them. */
import type { Command } from '../command'
import { profileCommand } from './profile'

export const commands: Command[] = [profileCommand]
