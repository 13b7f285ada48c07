/**
 * The widest tables a workspace can hold, and the narrowest (no columns at all). SQLite allows 2,000 columns per table and a raw table
 * adds two (_row_id, _row_number), so 1,998 cells per row is the limit: up to it every format
 * imports exactly (the packed row path steps aside above 1,996 cells, where its batch table would
 * pass SQLite's limit), and past it the import is refused with the file and what was found,
 * never an internal error, with the workspace unchanged.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { iterateRows, rowCounts } from '../../../src-main/core/sources'
import { rejectionOf } from './format-helpers'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

afterEach(() => {
  delete process.env.MODS_MIGRATE_NATIVE
})

const names = (n: number) => Array.from({ length: n }, (_, i) => `Field ${i + 1}`)
const csv = (n: number) => `${names(n).join(',')}\n${Array.from({ length: n }, (_, i) => (i === n - 1 ? 'Siân' : `0${i}`)).join(',')}\n`

describe.each(['packed', 'bound'])('tables at the column limit, %s rows', (path) => {
  it.each([1996, 1997, 1998])('imports a CSV of %i columns exactly', async (n) => {
    if (path === 'bound') process.env.MODS_MIGRATE_NATIVE = 'off'
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const table = (await importFile(ws, writeFile(dir, 'wide.csv', csv(n)))).tables[0]!
    expect([table.rows, table.columns.length, table.columns.at(-1)]).toEqual([1, n, `Field ${n}`])
    const [row] = [...iterateRows(ws.db, table.id)]
    expect([row!.values[0], row!.values[n - 2], row!.values[n - 1]]).toEqual(['00', `0${n - 2}`, 'Siân'])
  })
})

describe.each(['packed', 'bound'])('a table without columns, %s rows', (path) => {
  it('imports an empty JSON array as an empty table', async () => {
    if (path === 'bound') process.env.MODS_MIGRATE_NATIVE = 'off'
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const table = (await importFile(ws, writeFile(dir, 'none.json', '[]'))).tables[0]!
    expect([table.rows, table.columns]).toEqual([0, []])
  })
})

describe('tables past the column limit', () => {
  async function refusal(file: (dir: string) => string) {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const before = rowCounts(ws.db)
    const r = await rejectionOf(importFile(ws, file(dir)))
    expect(rowCounts(ws.db)).toEqual(before)
    return [r.code, r.message]
  }

  it('refuses a CSV row of 1,999 cells', async () => {
    expect(await refusal((dir) => writeFile(dir, 'wide.csv', csv(1999)))).toEqual(['IMPORT_REJECTED', 'wide.csv: row 1 has 1999 cells, more than the limit of 1998.'])
  })

  it.each([
    ['wide.json', JSON.stringify([{ a: Object.fromEntries(names(1000).map((k) => [k, 1])), b: Object.fromEntries(names(1000).map((k) => [k, 2])) }])],
    ['wide.ndjson', JSON.stringify(Object.fromEntries(names(2000).map((k) => [k, 'x']))) + '\n'],
  ])('refuses %s whose records flatten to 2,000 fields', async (name, content) => {
    expect(await refusal((dir) => writeFile(dir, name, content))).toEqual([
      'IMPORT_REJECTED',
      `${name}: the records have 2000 different fields (nested fields count one each), more than the limit of 1998 columns.`,
    ])
  })

  it('refuses a SQLite table of 1,999 columns', async () => {
    const [code, message] = await refusal((dir) => {
      const file = `${dir}/legacy.sqlite`
      const db = new Database(file)
      db.exec(`CREATE TABLE people (${names(1999).map((n) => `"${n}" TEXT`).join(', ')})`)
      db.close()
      return file
    })
    expect(code).toBe('IMPORT_REJECTED')
    expect(message).toContain('it has 1999 columns (limit 1998)')
  })
})
