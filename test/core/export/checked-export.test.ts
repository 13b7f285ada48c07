/**
 * A pack's issues describe the records it exports: when the mapping was applied after the last
 * quality run (or nothing was checked), exporting runs the checks first; otherwise it does not.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportCheckedPack } from '../../../src-main/core/export'
import { checksAreCurrent, loadRules, summarise } from '../../../src-main/core/quality'
import { appendAudit } from '../../../src-main/core/workspace'
import { addRecord, addSourceTable, tempWorkspace } from '../profile/fixtures'

const actor = { user: 'tester', role: 'data-officer' }
const cleanup: (() => void)[] = []
afterEach(() => {
  for (const c of cleanup.splice(0)) c()
})

function workspace() {
  const t = tempWorkspace()
  cleanup.push(() => {
    t.ws.close()
    fs.rmSync(t.dir, { recursive: true, force: true })
  })
  const table = addSourceTable(t.ws, 'Residents', ['Resident ID', 'NHS No'], [['R1', '9434765918']], 5)
  addRecord(t.ws, { dataset: 'person', key: 'R1', tableId: table, rowId: 1, values: { 'subject-of-care.nhs-number': '9434765918' }, columns: { 'subject-of-care.nhs-number': 'NHS No' } })
  return t
}

const runs = (t: ReturnType<typeof workspace>) => t.ws.db.prepare("SELECT count(*) FROM audit_event WHERE action = 'quality.run'").pluck().get()
const issuesCsv = (t: ReturnType<typeof workspace>, pack: string) => fs.readFileSync(path.join(t.dir, 'out', pack, 'issues.csv'), 'utf8')

describe('export with current checks', () => {
  it('checks first when nothing was checked, not again while nothing changed, and again after the mapping is re-applied', () => {
    const t = workspace()
    expect(checksAreCurrent(t.ws.db)).toBe(false)
    const first = exportCheckedPack(t.ws, actor, { purpose: 'first', outDir: path.join(t.dir, 'out') })
    expect(runs(t)).toBe(1)
    expect(first.counts.issues.error).toBeGreaterThan(0)
    expect(issuesCsv(t, first.packName)).toContain('fails the Modulus 11 check digit test')

    exportCheckedPack(t.ws, actor, { purpose: 'again', outDir: path.join(t.dir, 'out') })
    expect(runs(t)).toBe(1)

    appendAudit(t.ws.db, actor, { action: 'mapping.applied', details: {} })
    expect(checksAreCurrent(t.ws.db)).toBe(false)
    expect(summarise(t.ws.db, loadRules()).outOfDate).toBe(true) // what the Issues screen shows
    exportCheckedPack(t.ws, actor, { purpose: 'after re-map', outDir: path.join(t.dir, 'out') })
    expect(runs(t)).toBe(2)
    expect(checksAreCurrent(t.ws.db)).toBe(true)
    expect(summarise(t.ws.db, loadRules()).outOfDate).toBe(false)
  })
})
