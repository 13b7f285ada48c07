/**
 * Temporary sessions and workspaces for tests, removed after each test. Call the factory's
 * creator at module level (it registers the afterEach hook), then make as many as a test needs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import type { Role } from '../../src-main/contract'
import { Session } from '../../src-main/core/api/session'
import { createWorkspace } from '../../src-main/core/workspace'
import type { Workspace } from '../../src-main/core/workspace'

function withCleanup<T>(make: (dir: string) => T, close: (value: T) => void): () => T {
  const made: { value: T; dir: string }[] = []
  afterEach(() => {
    for (const { value, dir } of made.splice(0)) {
      close(value)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-test-'))
    const value = make(dir)
    made.push({ value, dir })
    return value
  }
}

/** `const session = tempSessions(); session('auditor')`: a test session with its own workspace folder. */
export function tempSessions(): (role?: Role) => Session {
  let role: Role = 'data-officer'
  const make = withCleanup(
    (dir) => new Session({ actor: { user: 'tester', role }, workspacesDir: dir, front: 'test' }),
    (s) => s.close(),
  )
  return (r = 'data-officer') => {
    role = r
    return make()
  }
}

/** `const workspace = tempWorkspaces(); workspace()`: a fresh workspace file in its own folder. */
export function tempWorkspaces(name = 'test'): () => Workspace {
  return withCleanup((dir) => createWorkspace(path.join(dir, `${name}.modsws`), name), (ws) => ws.close())
}
