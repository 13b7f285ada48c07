import { describe, expect, it } from 'vitest'
import { ImportPanel } from '../../src-renderer/src/features/sources/ImportPanel'
import { apiFailure, byText, click, fakeTransport, render, settle, type } from './render'

const preview = {
  fileName: 'residents.csv',
  format: 'csv',
  sizeBytes: 2048,
  encoding: 'windows-1252',
  delimiter: 'semicolon',
  sheets: [{ name: 'residents', sheet: null, hidden: false, headerRow: 1, columns: ['NHS No', 'Surname'], rows: [{ rowNumber: 2, cells: ['9434765919', 'Shaw'] }], warnings: [] }],
  warnings: ['Read as Windows-1252 (no UTF-8 byte order mark).'],
}
const file = { handle: 'f_abc', name: 'residents.csv', size: 2048 }

describe('ImportPanel', () => {
  it('shows the detected settings and first rows before importing', async () => {
    const t = fakeTransport({ 'sources.preview': () => preview })
    const view = await render(<ImportPanel file={file} onImported={() => undefined} onDismiss={() => undefined} />, t)
    expect(t.calls[0]).toEqual({ method: 'sources.preview', input: { file: 'f_abc', options: {} } })
    expect((view.querySelector('input[value="windows-1252"]') as HTMLInputElement | null)?.value).toBe('windows-1252')
    expect(view.textContent).toContain('Note: Read as Windows-1252')
    expect(view.querySelector('table[aria-label="First rows of residents"]')?.textContent).toContain('9434765919')
    const delimiter = [...view.querySelectorAll('label')].find((l) => l.textContent === 'Delimiter') as HTMLLabelElement
    expect((view.ownerDocument.getElementById(delimiter.htmlFor) as HTMLInputElement).value).toBe('Semicolon (;)')
  })

  it('keeps a header row per sheet: the box follows the sheet on view', async () => {
    const workbook = {
      ...preview,
      fileName: 'oak.xlsx',
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      warnings: [],
      sheets: [
        { ...preview.sheets[0]!, name: 'Residents', sheet: 'Residents', headerRow: 4 },
        { ...preview.sheets[0]!, name: 'Next of Kin', sheet: 'Next of Kin', headerRow: 1 },
      ],
    }
    const t = fakeTransport({ 'sources.preview': () => workbook })
    const view = await render(<ImportPanel file={{ ...file, name: 'oak.xlsx' }} onImported={() => undefined} onDismiss={() => undefined} />, t)
    const box = () => {
      const label = [...view.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Header row of')) as HTMLLabelElement
      return view.ownerDocument.getElementById(label.htmlFor) as HTMLInputElement
    }
    expect(byText(view, 'Header row of Residents (0 = none)')).toBeTruthy()
    expect(box().value).toBe('4')
    await click(view.querySelector('[role="tab"]:nth-child(2)') as HTMLElement)
    expect(byText(view, 'Header row of Next of Kin (0 = none)')).toBeTruthy()
    expect(box().value).toBe('1')
    await type(box(), '2')
    await click(byText(view, 'Update preview'))
    const last = t.calls.filter((c) => c.method === 'sources.preview').at(-1)!.input as { options: { headerRows?: Record<string, number>; headerRow?: number } }
    expect(last.options).toEqual({ headerRows: { 'Next of Kin': 2 } })
  })

  it('shows progress from job events, cancels on request, and says nothing changed', async () => {
    let rejectImport: (e: Error) => void = () => undefined
    const t = fakeTransport({
      'sources.preview': () => preview,
      'sources.import': () => new Promise((_, reject) => (rejectImport = reject)),
      'job.cancel': () => ({ cancelled: true }),
    })
    const view = await render(<ImportPanel file={file} onImported={() => undefined} onDismiss={() => undefined} />, t)
    await click(byText(view, 'Import 1 sheet'))
    const jobId = (t.calls.find((c) => c.method === 'sources.import')?.input as { jobId: string }).jobId
    t.emit({ type: 'job.progress', jobId, phase: 'Reading rows', fraction: 0.5, rows: 1200 })
    await settle()
    expect(view.textContent).toContain('Reading rows: 1,200 rows')
    await click(byText(view, 'Cancel import'))
    expect(t.calls.find((c) => c.method === 'job.cancel')?.input).toEqual({ jobId })
    rejectImport(apiFailure('CANCELLED', 'The job was cancelled; nothing was changed.'))
    await settle()
    expect(view.textContent).toContain('Import cancelled')
    expect(view.textContent).toContain('Nothing was changed in the workspace.')
  })

  it('offers to replace an earlier import of the same file', async () => {
    const t = fakeTransport({
      'sources.preview': () => preview,
      'sources.import': (input) => {
        if ((input as { options: { onDuplicate?: string } }).options.onDuplicate !== 'replace') throw apiFailure('CONFLICT', 'residents.csv was already imported on 01/11/2026.')
        return { sourceId: 2, fileName: 'residents.csv', tables: [] }
      },
    })
    let imported = false
    const view = await render(<ImportPanel file={file} onImported={() => (imported = true)} onDismiss={() => undefined} />, t)
    await click(byText(view, 'Import 1 sheet'))
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('already imported on 01/11/2026')
    expect(byText(view, 'Keep the earlier import')).toBeTruthy()
    await click(byText(view, 'Replace the earlier import with this file'))
    expect(imported).toBe(true)
  })
})
