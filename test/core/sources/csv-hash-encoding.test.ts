/**
 * What any faster path for the CSV pre-passes (file hash, UTF-8 scan) must keep: a file that is
 * ASCII for more than 1 MB and then Windows-1252 is read in the single-byte encoding with correct
 * values, and an already imported file is reported as a duplicate even when this read would fail.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { listSources, readRows, rowCounts } from '../../../src-main/core/sources'
import { detectEncoding } from '../../../src-main/core/sources/csv/encoding'
import { readHead } from '../../../src-main/core/sources/sniff'
import { listAudit } from '../../../src-main/core/workspace'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

/** Pure ASCII for more than the 1 MB UTF-8 sample, then one Windows-1252 row. */
function lateWindows1252(): { content: Buffer; rows: number } {
  const lines = ['Resident ID,Name,Balance']
  for (let i = 1; lines.length < 50_000; i++) lines.push(`R${String(i).padStart(6, '0')},Amelia Smith,${i % 100}`)
  const ascii = Buffer.from(lines.join('\n') + '\n')
  expect(ascii.length).toBeGreaterThan(1 << 20)
  return { content: Buffer.concat([ascii, iconv.encode('R999999,Renée Brontë,£5\n', 'windows-1252')]), rows: lines.length }
}

describe('CSV file hash and encoding scan', () => {
  it('reads a file whose first non-UTF-8 byte comes after the first MB in the single-byte encoding', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const { content, rows } = lateWindows1252()
    const file = writeFile(dir, 'late.csv', content)
    const result = await importFile(ws, file)
    // No byte 0x80-0x9F anywhere, so ISO-8859-1 (é and £ decode as in Windows-1252).
    expect(detectEncoding(file, readHead(file), undefined, 'late.csv').encoding).toBe('iso-8859-1')
    expect(result.settings.encoding).toBe('iso-8859-1')
    expect(result.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
    expect(result.tables[0]!.rows).toBe(rows)
    const last = readRows(ws.db, result.tables[0]!.id, rows - 1, 1)[0]!
    expect(last.values).toEqual(['R999999', 'Renée Brontë', '£5'])
    expect(listSources(ws.db).map((s) => s.id)).toEqual([result.sourceId])
    expect(Object.values(rowCounts(ws.db))).toEqual([rows])
    expect(listAudit(ws.db, { limit: 10, action: 'import.completed', beforeId: undefined })).toHaveLength(1)
    await expect(importFile(ws, writeFile(dir, 'again.csv', content))).rejects.toMatchObject({ code: 'CONFLICT', details: { sourceId: result.sourceId } })
  })

  it('reads a Windows-1252-only character (’ €) that comes after the first MB as Windows-1252', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const { content: ascii, rows } = lateWindows1252()
    const content = Buffer.concat([ascii, iconv.encode('R999998,Mary O’Brien,€7\n', 'windows-1252')])
    const result = await importFile(ws, writeFile(dir, 'late-1252.csv', content))
    expect(result.settings.encoding).toBe('windows-1252')
    expect(readRows(ws.db, result.tables[0]!.id, rows, 1)[0]!.values).toEqual(['R999998', 'Mary O’Brien', '€7'])
  })

  it('reports a duplicate before a read that fails with other options', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const text = 'Resident ID,Name\nR1,Zoë Smith\nR2,Siân Jones\n'
    const first = await importFile(ws, writeFile(dir, 'residents.csv', text))
    const copy = writeFile(dir, 'copy.csv', text)
    await expect(importFile(ws, copy, { headerRow: 9 })).rejects.toMatchObject({ code: 'CONFLICT', details: { sourceId: first.sourceId } })
    await expect(importFile(ws, copy, { headerRow: 9, onDuplicate: 'skip' })).resolves.toMatchObject({ status: 'skipped', sourceId: first.sourceId })
    await expect(importFile(ws, copy, { headerRow: 9, onDuplicate: 'replace' })).rejects.toMatchObject({ code: 'IMPORT_REJECTED' })
    expect(listSources(ws.db).map((s) => s.id)).toEqual([first.sourceId])
  })
})
