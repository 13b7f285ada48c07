/**
 * `npm start` in browser mode: build the UI if needed, start the local server and print the
 * address to open. Serves until the process is stopped (works without a terminal, e.g. under CI).
 */
import path from 'node:path'
import { defaultWorkspacesDir } from './defaults'
import { ensureRendererBuilt } from './renderer-build'
import { startServer } from './server'

export interface BrowserModeFlags {
  port: number
  workspacesDir: string
}

export function parseFlags(argv: readonly string[]): BrowserModeFlags {
  const flags: BrowserModeFlags = { port: 0, workspacesDir: defaultWorkspacesDir() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--port' && value !== undefined) {
      flags.port = Number(value)
      i++
    } else if (arg === '--workspaces' && value !== undefined) {
      flags.workspacesDir = path.resolve(value)
      i++
    }
  }
  if (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65535) throw new Error('--port must be a number from 0 to 65535.')
  return flags
}

export async function runBrowserMode(argv: readonly string[], whyNotElectron: string): Promise<void> {
  const flags = parseFlags(argv)
  const staticDir = await ensureRendererBuilt((line) => console.log(line))
  const server = await startServer({ port: flags.port, workspacesDir: flags.workspacesDir, staticDir })
  console.log(`Electron was not used: ${whyNotElectron}`)
  console.log(`Workspaces folder: ${flags.workspacesDir}`)
  console.log(`MODS Migrate is running in browser mode at ${server.pageUrl}`)
  console.log('Open that address in Chrome, Edge or Firefox on this computer. Press Ctrl+C to stop.')
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
