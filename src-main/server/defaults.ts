/** Where both fronts keep workspaces unless told otherwise, so Electron and browser mode see the same list. */
import os from 'node:os'
import path from 'node:path'

export function defaultWorkspacesDir(): string {
  return process.env.MODS_MIGRATE_WORKSPACES || path.join(os.homedir(), '.mods-migrate', 'workspaces')
}
