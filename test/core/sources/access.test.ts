/**
 * Value types our test-only Jet 4 writer cannot produce (currency, OLE, attachments, big integers,
 * linked tables, passwords), and batching, with mdb-reader replaced by a fake that has its API and
 * value types, read in this thread (the worker isolation is tested with real files). Real files are read in access-real.test.ts. The bytes here only need the signature.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { contextFor, drain, rejectionOf, tempDir } from './format-helpers'

interface FakeTable {
  columns: string[]
  rows: Record<string, unknown>[]
}

const fake = vi.hoisted(() => ({ tables: {} as Record<string, FakeTable>, linked: [] as string[], error: null as string | null, offsets: [] as number[] }))

vi.mock('mdb-reader', () => ({
  default: class {
    constructor(_buffer: Buffer) {
      if (fake.error) throw new Error(fake.error)
    }
    getTableNames(options?: { linkedTables?: boolean; normalTables?: boolean }) {
      return options?.normalTables === false ? fake.linked : Object.keys(fake.tables)
    }
    getTable(name: string) {
      const t = fake.tables[name]!
      return {
        rowCount: t.rows.length,
        columnCount: t.columns.length,
        getColumnNames: () => t.columns,
        getData: ({ rowOffset = 0, rowLimit = Infinity }: { rowOffset?: number; rowLimit?: number } = {}) => {
          fake.offsets.push(rowOffset)
          return t.rows.slice(rowOffset, rowOffset + rowLimit)
        },
      }
    }
  },
}))

// In this thread, so the fake applies: a worker thread would load the real mdb-reader.
const { accessReaderUsing } = await import('../../../src-main/core/sources/access')
const { inThreadSession } = await import('../../../src-main/core/sources/access/session')
const accessReader = accessReaderUsing(() => inThreadSession())

const dir = tempDir('mods-access-')
const file = path.join(dir, 'care.mdb')
fs.writeFileSync(file, Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('Standard Jet DB\0', 'latin1'), Buffer.alloc(100)]))

describe('Access reader (mdb-reader faked)', () => {
  it('detects Jet and ACE files by signature', () => {
    const head = new Uint8Array(fs.readFileSync(file))
    expect(accessReader.detect(head, 'x')).toBe(true)
    const ace = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('Standard ACE DB\0', 'latin1')])
    expect(accessReader.detect(new Uint8Array(ace), 'x.accdb')).toBe(true)
    expect(accessReader.detect(new Uint8Array(Buffer.from('id,name\n')), 'x.mdb')).toBe(false)
  })

  it('reads every table with types as text: dates ISO, numbers, booleans, binaries reported', async () => {
    fake.error = null
    fake.linked = ['GP_Practices']
    fake.tables = {
      Residents: {
        columns: ['ID', 'Forename', 'DOB', 'Admitted', 'Fees', 'Weight', 'Active', 'Photo', 'Docs', 'Notes', 'Big'],
        rows: [
          { ID: 1, Forename: 'Zoë', DOB: new Date(Date.UTC(1938, 1, 14)), Admitted: new Date(Date.UTC(2021, 2, 1, 10, 30)), Fees: '812.5000', Weight: 61.5, Active: true, Photo: Buffer.from([1, 2, 3]), Docs: [{ name: 'a.pdf', type: 'pdf', data: Buffer.alloc(10) }], Notes: null, Big: 9007199254740993n },
          { ID: 2, Forename: 'Łukasz', DOB: null, Admitted: null, Fees: null, Weight: 4.6, Active: false, Photo: null, Docs: [], Notes: '', Big: null },
        ],
      },
      NextOfKin: { columns: ['ResidentID', 'Name'], rows: [{ ResidentID: 1, Name: 'Siân Prydderch' }] },
    }
    const sheets = await drain(accessReader, contextFor(file))
    expect(sheets.map((s) => [s.name, s.sheet, s.columns, s.rows.length])).toEqual([
      ['Residents', 'Residents', fake.tables.Residents!.columns, 2],
      ['NextOfKin', 'NextOfKin', ['ResidentID', 'Name'], 1],
    ])
    expect(sheets[0]!.rows).toEqual([
      { rowNumber: 1, cells: ['1', 'Zoë', '1938-02-14', '2021-03-01T10:30:00', '812.5000', '61.5', 'true', '[binary data, 3 bytes]', '[binary data, 10 bytes]', null, '9007199254740993'] },
      { rowNumber: 2, cells: ['2', 'Łukasz', null, null, null, '4.6', 'false', null, '[]', '', null] },
    ])
    expect(sheets[0]!.warnings).toEqual([
      'The database links to tables stored elsewhere (GP_Practices); import those files separately.',
      'Column "Photo" holds binary data (1 value(s), e.g. photos or documents); each was imported as a note of its size, not its content.',
      'Column "Docs" holds binary data (1 value(s), e.g. photos or documents); each was imported as a note of its size, not its content.',
    ])
  })

  it('reads big tables in batches', async () => {
    fake.linked = []
    fake.tables = { Log: { columns: ['N'], rows: Array.from({ length: 12_001 }, (_, i) => ({ N: i })) } }
    fake.offsets = []
    const [log] = await drain(accessReader, contextFor(file))
    expect(log!.rows.length).toBe(12_001)
    expect(log!.rows.at(-1)).toEqual({ rowNumber: 12_001, cells: ['12000'] })
    expect(fake.offsets).toEqual([0, 5000, 10000])
  })

  it('explains password-protected and unreadable files', async () => {
    fake.error = 'Wrong password'
    expect((await rejectionOf(drain(accessReader, contextFor(file)))).message).toBe(
      'Cannot import care.mdb: it is password-protected; remove the password in Access (File, Info, Decrypt Database) and try again.',
    )
    fake.error = 'Unknown database format'
    const r = await rejectionOf(drain(accessReader, contextFor(file)))
    expect([r.code, r.message]).toEqual(['IMPORT_REJECTED', 'Cannot import care.mdb: it is not a readable Access database (Unknown database format).'])
    fake.error = null
  })
})
