/** Every subcommand, in the order `mods-migrate --help` lists them. */
import type { Command } from '../command'

export const commands: Command[] = []
