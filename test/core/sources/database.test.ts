import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiveDatabase } from '../../../src-main/core/sources/database'
import type { DatabaseSettings } from '../../../src-main/core/sources/database'
import { defaultLimits } from '../../../src-main/core/sources/reader'
import type { SourceSheet } from '../../../src-main/core/sources/reader'
import { rejectionOf } from './format-helpers'
import { testDatabase } from './database-settings'

const ctx = { limits: defaultLimits, throwIfCancelled: () => {} }

async function read(sheets: AsyncIterable<SourceSheet>) {
  const out: { name: string; columns: string[] | null; warnings: string[]; rows: { rowNumber: number; cells: (string | null)[] }[] }[] = []
  for await (const s of sheets) {
    const rows = []
    for await (const r of s.rows) rows.push(r)
    out.push({ name: s.name, columns: s.columns, warnings: [...s.warnings], rows })
  }
  return out
}

const kinds = [
  { kind: 'postgresql' as const, yes: 'true', no: 'false' },
  { kind: 'mysql' as const, yes: '1', no: '0' },
]

describe.each(kinds)('live $kind database', ({ kind, yes, no }) => {
  const settings = testDatabase(kind)
  let db: LiveDatabase
  beforeAll(async () => {
    if (settings) db = await LiveDatabase.connect(settings)
  })
  afterAll(async () => {
    await db?.close()
  })

  it.skipIf(!settings)('lists tables and views', async () => {
    expect(await db.listTables()).toEqual([
      { name: 'activity_log', type: 'table' },
      { name: 'current_residents', type: 'view' },
      { name: 'next_of_kin', type: 'table' },
      { name: 'residents', type: 'table' },
    ])
  })

  it.skipIf(!settings)('reads chosen tables with values as text and binaries reported', async () => {
    const [residents, kin] = await read(db.sheets(ctx, { tables: ['residents', 'next_of_kin'] }))
    expect(residents!.columns).toEqual(['id', 'nhs_number', 'first_name', 'surname', 'date_of_birth', 'phone', 'admitted_at', 'weight_kg', 'active', 'notes', 'photo'])
    expect(residents!.rows).toEqual([
      { rowNumber: 1, cells: ['1', '9434765919', 'Zoë', 'Ashworth', '1938-02-14', '01632960001', '2021-03-01T10:30:00', '61.5', yes, 'Prefers tea', null] },
      { rowNumber: 2, cells: ['2', '9434765870', 'Łukasz', 'Nowak', '1941-11-30', '07700900123', '2022-07-15T09:00:00', '78.0', yes, null, '[binary data, 4 bytes]'] },
      { rowNumber: 3, cells: ['3', null, 'Siân', 'Prydderch', '1935-06-01', null, null, null, no, 'Left 2023', null] },
      { rowNumber: 4, cells: ['4', '943 476 5838', 'Arthur', 'Bellamy', null, '01632 960 002', '2020-01-01T00:00:00', '70.2', yes, '', null] },
    ])
    expect(residents!.warnings).toEqual([
      'Column "photo" holds binary data (1 value(s), e.g. photos or documents); each was imported as a note of its size, not its content.',
    ])
    expect(kin!.rows.length).toBe(3)
  })

  it.skipIf(!settings)('streams a table bigger than one cursor batch', async () => {
    const [log] = await read(db.sheets(ctx, { tables: ['activity_log'] }))
    expect(log!.rows.length).toBe(2500)
    expect(log!.rows.at(-1)!.rowNumber).toBe(2500)
    expect(new Set(log!.rows.map((r) => r.cells[0])).size).toBe(2500)
  })

  it.skipIf(!settings)('imports one read-only query', async () => {
    const [q] = await read(db.sheets(ctx, { query: 'SELECT first_name, surname FROM residents WHERE id < 3 ORDER BY id;\n' }))
    expect(q).toEqual({ name: 'query', columns: ['first_name', 'surname'], warnings: [], rows: [
      { rowNumber: 1, cells: ['Zoë', 'Ashworth'] },
      { rowNumber: 2, cells: ['Łukasz', 'Nowak'] },
    ] })
  })

  it.skipIf(!settings)('the server refuses what gets past the first word: a second statement after ";", data-changing WITH', async () => {
    const queries = ['SELECT 1; DELETE FROM next_of_kin', 'WITH d AS (DELETE FROM next_of_kin RETURNING *) SELECT * FROM d', 'WITH d AS (SELECT 1) DELETE FROM next_of_kin']
    for (const query of queries) {
      const r = await rejectionOf(read(db.sheets(ctx, { query })))
      expect(r.code).toBe('IMPORT_REJECTED')
      expect(r.message).toMatch(/^Cannot read (postgresql|mysql):\/\/mods_test@127\.0\.0\.1:\d+\/legacy_care, query: (the query (tried to change data|has a syntax error, or holds more than one statement)|DECLARE CURSOR must not contain data-modifying statements in WITH)/)
    }
    const [kin] = await read(db.sheets(ctx, { tables: ['next_of_kin'] }))
    expect(kin!.rows.length).toBe(3)
    const [names] = await read(db.sheets(ctx, { tables: ['residents'] }))
    expect(names!.rows.map((r) => r.cells[3])).toEqual(['Ashworth', 'Nowak', 'Prydderch', 'Bellamy'])
  })

  it.skipIf(!settings)('never sends anything but a reading query: DDL, hidden DDL and server file writes are refused before they reach the server', async () => {
    const refused = [
      ['DROP TABLE next_of_kin', 'only a reading query (SELECT) can be imported, and this one starts with DROP'],
      ['  -- tidy up first\nCREATE TABLE made_by_import (a int)', 'only a reading query (SELECT) can be imported, and this one starts with CREATE'],
      ['/*!50000 DROP TABLE next_of_kin */', 'only a reading query (SELECT) can be imported'],
      ['TRUNCATE next_of_kin;', 'only a reading query (SELECT) can be imported, and this one starts with TRUNCATE'],
      ['delete from next_of_kin', 'only a reading query (SELECT) can be imported, and this one starts with DELETE'],
      ['UPDATE residents SET surname = NULL', 'only a reading query (SELECT) can be imported, and this one starts with UPDATE'],
      ["SELECT * FROM residents INTO OUTFILE '/tmp/residents.txt'", 'only a reading query (SELECT) can be imported, and INTO OUTFILE/DUMPFILE would write a file on the database server'],
    ]
    for (const [query, why] of refused) {
      const r = await rejectionOf(read(db.sheets(ctx, { query })))
      expect([r.code, r.message]).toEqual(['IMPORT_REJECTED', `Cannot read ${db.label}, query: ${why}.`])
    }
    expect((await db.listTables()).map((t) => t.name)).not.toContain('made_by_import')
    const [kin] = await read(db.sheets(ctx, { tables: ['next_of_kin'] }))
    expect(kin!.rows.length).toBe(3)
    // Reading forms still work, comments first included.
    const [q] = await read(db.sheets(ctx, { query: '/* who */ -- first two\nWITH r AS (SELECT surname FROM residents WHERE id < 3) SELECT count(*) AS n FROM r' }))
    expect(q!.rows).toEqual([{ rowNumber: 1, cells: ['2'] }])
  })

  it.skipIf(!settings)('names an unknown table', async () => {
    const r = await rejectionOf(read(db.sheets(ctx, { tables: ['patients'] })))
    expect([r.code, r.message]).toEqual(['NOT_FOUND', `${db.label} has no table or view called "patients".`])
  })

  it.skipIf(!settings)('never shows the password, even when it is wrong', async () => {
    const wrong: DatabaseSettings = { ...settings!, password: 'Sup3r-Secret-Wrong' }
    const r = await rejectionOf(LiveDatabase.connect(wrong))
    expect(r.message).toBe(`Cannot read ${db.label}: the user name or password was not accepted.`)
    expect(JSON.stringify(r)).not.toContain('Sup3r-Secret-Wrong')
  })
})
