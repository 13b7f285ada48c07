/**
 * Kill -9 during an import at many points (security.md §2): random moments over the whole run,
 * and fault hooks that stop the child after a batch, just before COMMIT and just after it. After
 * each kill the workspace must pass integrity_check and hold the import completely or not at all,
 * and importing again must succeed.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowCounts } from '../../src-main/core/sources'
import { openWorkspace } from '../../src-main/core/workspace'

const rows = 150_000
const child = path.join(import.meta.dirname, '_import-child.ts')
let dir: string
let csv: string
let workspace: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-kill-'))
  csv = path.join(dir, 'people.csv')
  workspace = path.join(dir, 'kill.modsws')
  const lines = ['ID,Given Name,Family Name,Telephone,Note']
  for (let i = 1; i <= rows; i++) lines.push(`${i},Zoë ${i},Nowak,07700 ${900000 + (i % 1000)},"note, ${i}"`)
  fs.writeFileSync(csv, lines.join('\n') + '\n')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
}

/** Runs the child; kills it `killAfterMs` after it starts importing, or when it reaches the fault point. */
function runChild(options: { fault?: string; killAfterMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(options.fault ? { MODS_MIGRATE_FAULT: options.fault } : {}) }
    const p = spawn(process.execPath, ['--import', 'tsx', child, workspace, csv], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => {
      const text = d.toString()
      if (text.includes('started') && options.killAfterMs !== undefined) setTimeout(() => p.kill('SIGKILL'), options.killAfterMs)
      if (text.includes('fault:')) p.kill('SIGKILL')
    })
    p.on('error', reject)
    p.on('close', (code, signal) => resolve({ code, signal, stdout }))
  })
}

/** The workspace is sound and holds the import wholly or not at all. Returns whether it is there. */
function assertAllOrNothing(): boolean {
  const ws = openWorkspace(workspace)
  try {
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(ws.db.pragma('foreign_key_check')).toEqual([])
    const counts = Object.values(rowCounts(ws.db))
    const tables = ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE 'raw_%'").get() as { n: number }
    expect(tables.n).toBe(counts.length)
    expect(counts.length).toBeLessThanOrEqual(1)
    if (counts.length === 1) expect(counts[0]).toBe(rows)
    const audits = ws.db.prepare("SELECT count(*) AS n FROM audit_event WHERE action = 'import.completed'").get() as { n: number }
    return counts.length === 1 && audits.n > 0
  } finally {
    ws.close()
  }
}

describe('killing an import', () => {
  it('leaves all or nothing at every kill point, and the import can be run again', async () => {
    // On an empty workspace: killed before COMMIT means absent, after COMMIT means present.
    for (const fault of ['after-batch:1', 'after-batch:3', 'before-commit']) {
      expect((await runChild({ fault })).signal).toBe('SIGKILL')
      expect(assertAllOrNothing(), fault).toBe(false)
    }
    expect((await runChild({ fault: 'after-commit' })).signal).toBe('SIGKILL')
    expect(assertAllOrNothing()).toBe(true)

    const started = Date.now()
    const baseline = await runChild()
    expect(baseline.stdout).toContain(`done ${rows}`)
    const fullMs = Date.now() - started
    // A committed import survives a replacing import killed before its COMMIT.
    const outcomes: string[] = []
    for (const fault of ['after-batch:6', 'before-commit']) {
      expect((await runChild({ fault })).signal).toBe('SIGKILL')
      expect(assertAllOrNothing(), fault).toBe(true)
      outcomes.push(fault)
    }
    // Random moments spread over the whole run, including its very end (kills after exit are no-ops).
    for (let i = 0; i < 16; i++) {
      const at = Math.round(Math.random() * fullMs * 1.05)
      const run = await runChild({ killAfterMs: at })
      outcomes.push(`${at}ms:${run.signal ? 'killed' : 'finished'}:${assertAllOrNothing() ? 'present' : 'absent'}`)
    }
    const rerun = await runChild()
    expect(rerun.stdout).toContain(`done ${rows}`)
    expect(assertAllOrNothing()).toBe(true)
    expect(outcomes).toHaveLength(18)
  }, 110_000)
})
