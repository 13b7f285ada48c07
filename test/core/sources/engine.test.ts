import { describe, expect, it } from 'vitest'
import { listAudit } from '../../../src-main/core/workspace'
import { readRows, rowCounts } from '../../../src-main/core/sources'
import { importFile, newWorkspace, tempDir, testJob, writeFile } from './helpers'

const v1 = 'Resident ID,Name,Room\nR1,Zoë Smith,1\nR2,Siân Jones,2\nR3,Łukasz Nowak,3\n'
const v2 = 'Resident ID,Name,Room\nR3,Łukasz Nowak,12\nR1,Zoë Smith,1\nR4,Amelia Patel,4\n'

describe('re-importing', () => {
  it('refuses identical content unless told to skip or replace', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const file = writeFile(dir, 'residents.csv', v1)
    const first = await importFile(ws, file)
    const copy = writeFile(dir, 'copy.csv', v1)
    await expect(importFile(ws, copy)).rejects.toMatchObject({ code: 'CONFLICT', details: { sourceId: first.sourceId } })
    const skipped = await importFile(ws, copy, { onDuplicate: 'skip' })
    expect(skipped).toMatchObject({ status: 'skipped', sourceId: first.sourceId })
    expect(skipped.tables[0]!.rows).toBe(3)
    const replaced = await importFile(ws, copy, { onDuplicate: 'replace' })
    expect(replaced.status).toBe('replaced')
    expect(rowCounts(ws.db)).toEqual({ 'copy.csv#copy.csv': 3 })
  })

  it('keeps row identities for a newer export with a key column and reports the changes', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const first = await importFile(ws, writeFile(dir, 'residents.csv', v1), { keyColumn: 'Resident ID' })
    const before = readRows(ws.db, first.tables[0]!.id, 0, 10)
    const second = await importFile(ws, writeFile(dir, 'residents.csv', v2), { keyColumn: 'resident id' })
    const table = second.tables[0]!
    expect(table.changes).toEqual({ previousTableId: first.tables[0]!.id, added: 1, changed: 1, removed: 1, unchanged: 1, columnsAdded: [], columnsRemoved: [] })
    const after = readRows(ws.db, table.id, 0, 10)
    const idOf = (rows: typeof after, key: string) => rows.find((r) => r.values[0] === key)!.rowId
    expect(idOf(after, 'R1')).toBe(idOf(before, 'R1'))
    expect(idOf(after, 'R3')).toBe(idOf(before, 'R3'))
    expect(idOf(after, 'R4')).toBe(4)
    // A third export: R2 came back but gets a fresh id, ids are never reused.
    const third = await importFile(ws, writeFile(dir, 'residents-june.csv', v2 + 'R2,Siân Jones,2\n'), { keyColumn: 'Resident ID', previousSourceId: second.sourceId })
    expect(readRows(ws.db, third.tables[0]!.id, 0, 10).find((r) => r.values[0] === 'R2')!.rowId).toBe(5)
    const audit = listAudit(ws.db, { limit: 5, action: 'import.completed' })
    expect(audit[1]!.details).toMatchObject({ previousSourceId: first.sourceId, changes: [{ added: 1, changed: 1, removed: 1 }] })
    expect(JSON.stringify(audit)).not.toContain('Zoë')
  })

  it('rejects a key column that does not exist', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    await expect(importFile(ws, writeFile(dir, 'r.csv', v1), { keyColumn: 'NHS Number' })).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: 'r.csv has no column called "NHS Number" to identify rows by.' })
  })
})

describe('transactions', () => {
  it('leaves nothing behind when cancelled mid-import, and reports progress', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const lines = ['ID,Name,Note']
    for (let i = 0; i < 60_000; i++) lines.push(`${i},Person ${i},${'x'.repeat(40)}`)
    const file = writeFile(dir, 'big.csv', lines.join('\n'))
    const job = testJob(2)
    await expect(importFile(ws, file, {}, job)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(rowCounts(ws.db)).toEqual({})
    expect(ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'raw_%'").get()).toEqual({ n: 0 })
    expect(listAudit(ws.db, { limit: 5 })).toEqual([])
    const done = testJob()
    const result = await importFile(ws, file, {}, done)
    expect(result.tables[0]!.rows).toBe(60_000)
    expect(done.events.at(-1)).toMatchObject({ phase: 'import', fraction: 1, rows: 60_000 })
  })
})

describe('JSON and NDJSON', () => {
  it('flattens nested records into dotted columns', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const records = [
      { id: 'R1', name: { given: 'Zoë', family: 'Smith' }, address: { postcode: 'LS1 4AB' }, phones: ['07700 900123'], active: true },
      { id: 'R2', name: { given: 'Siân' }, nhs: '9434765919', room: 12, note: null },
    ]
    const result = await importFile(ws, writeFile(dir, 'people.json', JSON.stringify(records)))
    const t = result.tables[0]!
    expect(t.columns).toEqual(['id', 'name.given', 'name.family', 'address.postcode', 'phones', 'active', 'nhs', 'room', 'note'])
    expect(readRows(ws.db, t.id, 0, 5).map((r) => r.values)).toEqual([
      ['R1', 'Zoë', 'Smith', 'LS1 4AB', '["07700 900123"]', 'true', null, null, null],
      ['R2', 'Siân', null, null, null, null, '9434765919', '12', null],
    ])
  })

  it('imports each array of an object as its own table, and streams NDJSON', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const multi = await importFile(ws, writeFile(dir, 'export.json', JSON.stringify({ residents: [{ id: 1 }, { id: 2 }], contacts: [{ name: 'Łukasz' }] })))
    expect(multi.tables.map((t) => [t.name, t.rows])).toEqual([['residents', 2], ['contacts', 1]])
    const nd = await importFile(ws, writeFile(dir, 'events.ndjson', '{"id":1,"who":{"name":"Zoë"}}\n\n{"id":2,"extra":"x"}\n'))
    expect(nd.tables[0]!.columns).toEqual(['id', 'who.name', 'extra'])
    expect(readRows(ws.db, nd.tables[0]!.id, 0, 5).map((r) => [r.rowNumber, ...r.values])).toEqual([[1, '1', 'Zoë', null], [3, '2', null, 'x']])
    await expect(importFile(ws, writeFile(dir, 'broken.ndjson', '{"id":1}\n{"id":\n'))).rejects.toMatchObject({ code: 'IMPORT_REJECTED', location: { row: 2 } })
  })
})
