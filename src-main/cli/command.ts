/**
 * What a CLI subcommand is. Commands are thin: they translate flags into API calls on a Session
 * (the same dispatcher every front uses) and print the result, as JSON with `--json`.
 */
import type { ParseArgsConfig } from 'node:util'
import type { Session } from '../core/api/session'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export interface CommandContext {
  /** Positional arguments after the subcommand name. */
  args: string[]
  values: Record<string, string | boolean | string[] | undefined>
  json: boolean
  /** Session with the `--workspace` workspace opened (created when the command allows it). */
  session: () => Session
  /** Session with no workspace, for work that writes nothing (a preview creates no file). */
  bareSession: () => Session
  out: (text: string) => void
  err: (text: string) => void
}

export interface Command {
  name: string
  usage: string
  summary: string
  options: OptionSpec
  /** Whether `--workspace` is required, optional, or may be created if missing. */
  workspace: 'required' | 'optional' | 'create' | 'none'
  run(ctx: CommandContext): Promise<number>
}

/** A mistake in the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name]
  return typeof v === 'string' ? v : undefined
}
