/**
 * `mods-migrate`: the command-line front. Parses the subcommand and its flags, opens the
 * workspace, runs the command, and maps API errors to exit codes and plain-English stderr.
 */
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ApiError, describeLocation } from '../contract/errors'
import { Session } from '../core/api/session'
import { openOrCreateWorkspace, openWorkspace } from '../core/workspace'
import type { Command, CommandContext } from './command'
import { UsageError } from './command'
import { commands } from './commands'
import { exitCodeFor, exitCodes } from './exit-codes'
import { attachProgress } from './progress'

const globalOptions = {
  workspace: { type: 'string', short: 'w' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

function helpText(): string {
  const lines = ['Usage: mods-migrate <command> [options]', '', 'Commands:']
  for (const c of commands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`)
  lines.push('', 'Every command accepts --workspace FILE.modsws and --json. Run mods-migrate <command> --help for details.')
  return lines.join('\n')
}

function makeSession(command: Command, workspacePath: string | undefined, json: boolean, err: (s: string) => void, open = true): Session {
  const session = new Session({
    actor: { user: os.userInfo().username || 'cli', role: 'administrator' },
    workspacesDir: workspacePath ? path.dirname(path.resolve(workspacePath)) : process.cwd(),
    front: 'cli',
  })
  if (open && workspacePath) {
    const resolved = path.resolve(workspacePath)
    session.useWorkspace(command.workspace === 'create' ? openOrCreateWorkspace(resolved) : openWorkspace(resolved))
  } else if (open && (command.workspace === 'required' || command.workspace === 'create')) {
    throw new ApiError('NO_WORKSPACE', `${command.name} needs --workspace FILE.modsws${command.workspace === 'create' ? ' (created if it does not exist)' : ''}.`)
  }
  if (!json) attachProgress(session, err)
  return session
}

type Print = (text: string) => void

export async function runCli(
  argv: string[],
  out: Print = (s) => void process.stdout.write(s + '\n'),
  err: Print = (s) => void process.stderr.write(s + '\n'),
): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(helpText())
    return name ? exitCodes.ok : exitCodes.usage
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    err(`Unknown command "${name}".\n\n${helpText()}`)
    return exitCodes.usage
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: rest, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true })
  } catch (e) {
    err(`${(e as Error).message}\nUsage: ${command.usage}`)
    return exitCodes.usage
  }
  if (parsed.values.help) {
    out(`Usage: ${command.usage}\n\n${command.summary}`)
    return exitCodes.ok
  }
  const json = parsed.values.json === true
  let session: Session | null = null
  const ctx: CommandContext = {
    args: parsed.positionals,
    values: parsed.values as CommandContext['values'],
    json,
    session: () => (session ??= makeSession(command, parsed.values.workspace as string | undefined, json, err)),
    bareSession: () => (session ??= makeSession(command, undefined, json, err, false)),
    out,
    err,
  }
  try {
    return await command.run(ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\nUsage: ${command.usage}`)
      return exitCodes.usage
    }
    return reportError(e, json, err)
  } finally {
    ;(session as Session | null)?.close()
  }
}

function reportError(e: unknown, json: boolean, err: (s: string) => void): number {
  const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error)?.message ?? String(e))
  if (json) err(JSON.stringify({ error: apiError.toData() }))
  else {
    const location = apiError.location ? describeLocation(apiError.location) : ''
    // Most messages already name the place; repeat it only when they do not.
    const where = location && !apiError.message.includes(location) ? ` (${location})` : ''
    err(`Error: ${apiError.message}${where}`)
  }
  return exitCodeFor(apiError.code)
}
