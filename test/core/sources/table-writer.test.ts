/**
 * The row writer at sizes that use every statement shape (multi-row INSERTs plus the remainder,
 * with SQLite numbering rows or with stable row identities) and many 64 KB read chunks: every value
 * comes back exact, NULL stays distinct from an empty cell, and a widened table keeps extra cells.
 * Run on both paths: packed through the mods_cells extension (when built) and bound values.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { iterateRows } from '../../../src-main/core/sources'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

const rows = 6_001

/** Row i of a synthetic export: leading zeros, non-ASCII, quotes, embedded line breaks, empties. */
function cells(i: number): string[] {
  const note = i % 7 === 0 ? `line one\r\nline "two" of ${i}` : i % 11 === 0 ? '' : `note ${'x'.repeat(i % 90)}`
  return [`R${String(i).padStart(5, '0')}`, String(i).padStart(10, '0'), i % 3 ? 'Zoë Łukasz' : "O'Brien, Siân", note]
}

function csvLine(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')
}

function file(extraRow: number): string {
  const lines = ['Resident ID,NHS Number,Name,Note']
  for (let i = 1; i <= rows; i++) {
    if (i === 5) lines.push('R00005,0000000005')
    else if (i === extraRow) lines.push(csvLine([...cells(i), 'extra cell']))
    else lines.push(csvLine(cells(i)))
  }
  return lines.join('\r\n') + '\r\n'
}

function expected(i: number, extraRow: number): (string | null)[] {
  if (i === 5) return ['R00005', '0000000005', null, null, null]
  return [...cells(i), i === extraRow ? 'extra cell' : null]
}

afterEach(() => {
  delete process.env.MODS_MIGRATE_NATIVE
})

describe.each(['packed', 'bound'])('raw table writer, %s', (path) => {
  it.each([
    ['SQLite numbers the rows', {}],
    ['rows keep stable identities', { keyColumn: 'Resident ID' }],
  ])('stores every value exactly when %s', async (_, options) => {
    if (path === 'bound') process.env.MODS_MIGRATE_NATIVE = 'off'
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const extraRow = 5_999
    const content = file(extraRow)
    expect(Buffer.byteLength(content)).toBeGreaterThan(3 * 64 * 1024)
    const result = await importFile(ws, writeFile(dir, 'people.csv', content), options)
    const table = result.tables[0]!
    expect(table.rows).toBe(rows)
    expect(table.columns).toEqual(['Resident ID', 'NHS Number', 'Name', 'Note', 'Column 5'])
    let i = 0
    for (const row of iterateRows(ws.db, table.id)) {
      i++
      expect(row.rowId).toBe(i)
      expect(row.rowNumber).toBe(i + 1)
      expect(row.values).toEqual(expected(i, extraRow))
    }
    expect(i).toBe(rows)
  })
})
