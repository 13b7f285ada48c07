import { runCli } from './main'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`Error: ${(e as Error).message}\n`)
    process.exitCode = 1
  },
)
