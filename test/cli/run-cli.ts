/** Runs the CLI in-process, capturing what it prints, for the CLI tests. */
import { runCli } from '../../src-main/cli/main'

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, (s) => void out.push(s), (s) => void err.push(s))
  return { code, out: out.join('\n'), err: err.join('\n') }
}
