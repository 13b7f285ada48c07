/** Every subcommand, in the order `mods-migrate --help` lists them. */
import type { Command } from '../command'
import { importCommand } from './import'
import { profileCommand } from './profile'
import { checkCommand } from './check'
import { exportCommand } from './export'

export const commands: Command[] = [importCommand, profileCommand, checkCommand, exportCommand]
