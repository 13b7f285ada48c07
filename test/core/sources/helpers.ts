/** Shared fixtures for the sources tests: temp dirs, a workspace, and an import call with a test job. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { importSource } from '../../../src-main/core/sources'
import type { ImportOptions, ImportResult } from '../../../src-main/core/sources'
import { createWorkspace } from '../../../src-main/core/workspace'
import type { Workspace } from '../../../src-main/core/workspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-src-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

export function newWorkspace(dir = tempDir()): Workspace {
  const ws = createWorkspace(path.join(dir, 'test.modsws'), 'test')
  cleanups.unshift(() => ws.close())
  return ws
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

export const actor = { user: 'tester', role: 'data-officer' }

export function testJob(cancelAfterChecks = Infinity) {
  let checks = 0
  const events: { phase: string; fraction: number | null; rows?: number }[] = []
  return {
    events,
    throwIfCancelled() {
      if (++checks > cancelAfterChecks) throw Object.assign(new (class extends Error {})('cancelled'), { code: 'CANCELLED' })
    },
    progress(phase: string, fraction: number | null, extra: { rows?: number } = {}) {
      events.push({ phase, fraction, ...extra })
    },
  }
}

export function importFile(ws: Workspace, file: string, options: ImportOptions = {}, job = testJob()): Promise<ImportResult> {
  return importSource(ws, { filePath: file, displayName: path.basename(file), options }, job, actor)
}
