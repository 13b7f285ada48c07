import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { ExportResult } from '../../src-main/contract'
import { ExportScreen } from '../../src-renderer/src/features/export/ExportScreen'
import { IssuesScreen } from '../../src-renderer/src/features/issues/IssuesScreen'
import { apiFailure, byText, click, fakeTransport, render, type } from './render'

const summary = {
  total: 3,
  bySeverity: { error: 2, warning: 1, info: 0 },
  byRule: [{ ruleId: 'nhs-number-check-digit', title: 'NHS number check digit', severity: 'error', count: 2 }],
  recordsChecked: 64,
  ranAt: '2026-11-25T16:30:00Z',
  outOfDate: false,
}
const issue = {
  id: 7,
  ruleId: 'nhs-number-check-digit',
  severity: 'error',
  dataset: 'person',
  recordId: 14,
  recordKey: 'R1010',
  elementId: 'subject-of-care.nhs-number',
  item: 'NHS number',
  value: '9997319533',
  message: 'The NHS number in Residents row 14 fails the Modulus 11 check digit test.',
  fix: "Check the number against the person's NHS letter.",
  status: 'open',
  source: { tableId: 1, file: 'sunnyside.xlsx', sheet: 'Residents', table: 'Residents', rowId: 10, rowNumber: 14, column: 'NHS No' },
}

describe('IssuesScreen', () => {
  it('says the checks have not run yet', async () => {
    const t = fakeTransport({ 'quality.summary': () => ({ ...summary, total: 0, ranAt: null }), 'quality.issues': () => ({ total: 0, offset: 0, issues: [] }) })
    const view = await render(<IssuesScreen />, t)
    expect(view.textContent).toContain('Checks have not run yet')
  })

  it('shows counts in words and each issue with its source row and column', async () => {
    const t = fakeTransport({ 'quality.summary': () => summary, 'quality.issues': () => ({ total: 1, offset: 0, issues: [issue] }) })
    const view = await render(<IssuesScreen />, t)
    expect(view.querySelector('[aria-label="Errors: 2"]')).not.toBeNull()
    expect(view.textContent).toContain('3 open issues in 64 records')
    const row = view.querySelector('table[aria-label="Open issues"] tbody tr')!
    expect(row.textContent).toContain('Error')
    expect(row.textContent).toContain('sunnyside.xlsx, sheet Residents, row 14, column NHS No (record R1010)')
    expect(view.textContent).not.toContain('out of date')
  })

  it('says when the results may be out of date', async () => {
    const t = fakeTransport({ 'quality.summary': () => ({ ...summary, outOfDate: true }), 'quality.issues': () => ({ total: 1, offset: 0, issues: [issue] }) })
    const view = await render(<IssuesScreen />, t)
    expect(view.querySelector('[role="status"]')?.textContent).toContain('These results may be out of date')
  })
})

const ws = { id: 'w1', name: 'Sunnyside', fileName: 'Sunnyside.modsws', createdAt: '2026-11-25T10:00:00Z', schemaVersion: 1 }
const sha = 'a'.repeat(64)
const pack = (packName: string) => ({
  packName,
  files: [{ path: 'fhir/bundle.json', sha256: sha, bytes: 92_160 }],
  zip: { path: `${packName}.zip`, sha256: 'b'.repeat(64), bytes: 13_000 },
  counts: { resources: { Patient: 64 }, records: { person: 64 }, skipped: {}, incomplete: { medication: 1 }, issues: { error: 16, warning: 12, info: 0 }, escapedCells: 3 },
})

/** Holds the session's packs as the app does, with a way to leave the Export screen and come back. */
function Session({ onIssues = () => undefined }: { onIssues?: () => void }) {
  const [written, setWritten] = useState<ExportResult[]>([])
  const [shown, setShown] = useState(true)
  return (
    <>
      <button onClick={() => setShown(!shown)}>{shown ? 'Leave' : 'Come back'}</button>
      {shown && <ExportScreen workspace={ws} written={written} onWritten={(r) => setWritten([...written, r])} onIssues={onIssues} />}
    </>
  )
}

describe('ExportScreen', () => {
  it('lists every file written with size and SHA-256', async () => {
    const t = fakeTransport({ 'export.run': () => pack('mods-export-20261125') })
    const view = await render(<Session />, t)
    await type(view.querySelector('input')!, 'Move to new care system')
    await click(byText(view, 'Write export pack'))
    expect(t.calls[0]?.input).toMatchObject({ purpose: 'Move to new care system' })
    const rows = [...view.querySelectorAll('table[aria-label="Files written"] tbody tr')].map((r) => [...r.children].map((c) => c.textContent))
    expect(rows).toEqual([
      ['fhir/bundle.json', '90 KB', sha],
      ['mods-export-20261125.zip', '13 KB', 'b'.repeat(64)],
    ])
    expect(view.textContent).toContain('3 spreadsheet cells were protected against formula injection')
    expect(view.textContent).toContain("Left out (missing what FHIR requires, such as a medicine's name)")
  })

  it('explains a blocked export and points to the issues', async () => {
    let wentToIssues = false
    const t = fakeTransport({ 'export.run': () => { throw apiFailure('EXPORT_BLOCKED', '2 safety-critical errors must be fixed or signed off first.') } })
    const view = await render(<Session onIssues={() => (wentToIssues = true)} />, t)
    await type(view.querySelector('input')!, 'Test')
    await click(byText(view, 'Write export pack'))
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('2 safety-critical errors must be fixed')
    await click(byText(view, 'Go to Issues'))
    expect(wentToIssues).toBe(true)
  })

  it('says where the pack is, and still shows it, with earlier ones, after leaving and coming back', async () => {
    let run = 0
    const t = fakeTransport({ 'export.run': () => pack(`mods-export-2026112${++run}`) })
    const view = await render(<Session />, t)
    expect(view.textContent).toContain('No export written in this session yet')
    await type(view.querySelector('input')!, 'Move to new care system')
    await click(byText(view, 'Write export pack'))
    await click(byText(view, 'Write export pack'))
    await click(byText(view, 'Leave'))
    await click(byText(view, 'Come back'))
    expect(view.querySelector('[role="status"]')?.textContent).toContain('Export pack written: mods-export-20261122')
    const where = byText(view, /^Written to the workspaces folder/).parentElement!
    expect(where.textContent).toContain('Sunnyside.modsws')
    expect(where.textContent).toContain('Folder: exports/mods-export-20261122')
    expect(where.textContent).toContain('Zip: exports/mods-export-20261122.zip')
    const earlier = view.querySelector('section[aria-labelledby="earlier-heading"]')
    expect(earlier?.textContent).toBe('Written earlier in this sessionexports/mods-export-20261121')
  })
})
