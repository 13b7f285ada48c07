/** Every subcommand, in the order `mods-migrate --help` lists them. */
import type { Command } from '../command'
import { importCommand } from './import'
import { profileCommand } from './profile'
import { checkCommand } from './check'
import { exportCommand } from './export'
import { demoCommand } from './demo'
import { suggestCommand } from './suggest'
import { mapCommand } from './map'

export const commands: Command[] = [importCommand, profileCommand, suggestCommand, mapCommand, checkCommand, exportCommand, demoCommand]
