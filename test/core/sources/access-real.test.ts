/**
 * Real .mdb and .accdb files through the real mdb-reader and the import engine. The files come from
 * our test-only Jet 4 / ACE writer (test/helpers/jet4-writer.ts), whose output was checked with
 * mdbtools too.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listSourceTables, readRows, rowCounts } from '../../../src-main/core/sources'
import type { ImportResult } from '../../../src-main/core/sources'
import { accessReader } from '../../../src-main/core/sources/access'
import { rc4 } from '../../../src-main/core/sources/access/rc4'
import type { Workspace } from '../../../src-main/core/workspace'
import { buildJet4Mdb, writeJet4Mdb } from '../../helpers/jet4-writer'
import type { AccessFileFormat, Jet4Table } from '../../helpers/jet4-writer'
import { contextFor, drain, rejectionOf } from './format-helpers'
import { importFile, newWorkspace, tempDir } from './helpers'

const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

const residents: Jet4Table = {
  name: 'Residents',
  columns: [
    { name: 'ResidentID', type: 'long' },
    { name: 'Forename', type: 'text' },
    { name: 'Surname', type: 'text' },
    { name: 'NHSNo', type: 'text' },
    { name: 'DOB', type: 'datetime' },
    { name: 'Phone', type: 'text' },
    { name: 'Active', type: 'boolean' },
    { name: 'WeightKg', type: 'double' },
    { name: 'Admitted', type: 'datetime' },
  ],
  rows: [
    [1, 'Zoë', 'Ashworth', '999 123 4567', day(1938, 2, 14), '07700 900123', true, 61.5, day(2021, 3, 1, 10, 30)],
    [2, 'Łukasz', 'Nowak', '0123456789', day(1941, 11, 30), '07700 900456', false, 78, null],
    [3, 'Siân', 'Prydderch', null, null, '', true, null, day(2023, 1, 5)],
    [-4, '  Arthur ', "O'Neill", '000 000 0001', day(1929, 12, 31), null, false, 0.1, null],
  ],
}

const nextOfKin: Jet4Table = {
  name: 'NextOfKin',
  columns: [
    { name: 'ResidentID', type: 'long' },
    { name: 'Name', type: 'text' },
    { name: 'Relationship', type: 'text' },
  ],
  rows: [
    [1, 'Mia Ashworth', 'Daughter'],
    [2, 'Zoë Nowak', 'Wife'],
    [3, 'Rhys ap Siôn', null],
  ],
}

/** Several hundred rows: more than one data page, so the usage map and page order matter. */
const visits: Jet4Table = {
  name: 'Visits',
  columns: [
    { name: 'VisitNo', type: 'long' },
    { name: 'Note', type: 'text' },
  ],
  rows: Array.from({ length: 450 }, (_, i) => [i + 1, `Visit ${String(i + 1).padStart(4, '0')} – Łódź`]),
}

const careTables = [residents, nextOfKin, visits]

function careFile(dir: string, tables: Jet4Table[] = careTables, format: AccessFileFormat = 'jet4'): string {
  const file = path.join(dir, format === 'jet4' ? 'care.mdb' : 'care.accdb')
  writeJet4Mdb(file, tables, { format })
  return file
}

/** The import of careTables, exact to the cell, whichever format held them. */
function expectCareImported(ws: Workspace, result: ImportResult): void {
  expect(result.format).toBe('access')
  expect(result.tables.map((t) => [t.name, t.sheet, t.rows, t.columns])).toEqual([
    ['Residents', 'Residents', 4, residents.columns.map((c) => c.name)],
    ['NextOfKin', 'NextOfKin', 3, ['ResidentID', 'Name', 'Relationship']],
    ['Visits', 'Visits', 450, ['VisitNo', 'Note']],
  ])
  expect(result.warnings).toEqual([])
  const [res, kin, vis] = listSourceTables(ws.db)
  expect(readRows(ws.db, res!.id, 0, 10).map((r) => [r.rowNumber, ...r.values])).toEqual([
    [1, '1', 'Zoë', 'Ashworth', '999 123 4567', '1938-02-14', '07700 900123', 'true', '61.5', '2021-03-01T10:30:00'],
    [2, '2', 'Łukasz', 'Nowak', '0123456789', '1941-11-30', '07700 900456', 'false', '78', null],
    [3, '3', 'Siân', 'Prydderch', null, null, '', 'true', null, '2023-01-05'],
    [4, '-4', '  Arthur ', "O'Neill", '000 000 0001', '1929-12-31', null, 'false', '0.1', null],
  ])
  expect(readRows(ws.db, kin!.id, 0, 10).map((r) => r.values)).toEqual([
    ['1', 'Mia Ashworth', 'Daughter'],
    ['2', 'Zoë Nowak', 'Wife'],
    ['3', 'Rhys ap Siôn', null],
  ])
  const visitRows = readRows(ws.db, vis!.id, 0, 1000)
  expect(visitRows).toHaveLength(450)
  expect(visitRows.map((r) => r.values[0])).toEqual(Array.from({ length: 450 }, (_, i) => String(i + 1)))
  expect([visitRows[0]!.rowNumber, ...visitRows[0]!.values]).toEqual([1, '1', 'Visit 0001 – Łódź'])
  expect([visitRows[449]!.rowNumber, ...visitRows[449]!.values]).toEqual([450, '450', 'Visit 0450 – Łódź'])
}

describe('Access .mdb files read by mdb-reader through the import engine', () => {
  it('imports every table with exact counts and values: leading zeros, spaces, dates, non-ASCII names', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    expectCareImported(ws, await importFile(ws, careFile(dir)))
  })

  it('imports only the chosen tables and never modifies the file', async () => {
    const dir = tempDir()
    const file = careFile(dir)
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    const ws = newWorkspace(dir)
    const result = await importFile(ws, file, { sheets: ['NextOfKin'] })
    expect(result.tables.map((t) => [t.name, t.rows])).toEqual([['NextOfKin', 3]])
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(sha)
  })

  it('reads an encoded database (pages masked with its key) exactly like a plain one', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'encoded.mdb')
    writeJet4Mdb(file, [residents, visits], { databaseKey: 0x2b7e1516 })
    const plain = path.join(dir, 'plain.mdb')
    writeJet4Mdb(plain, [residents, visits])
    expect(fs.readFileSync(file).subarray(4096)).not.toEqual(fs.readFileSync(plain).subarray(4096))
    const [encodedSheets, plainSheets] = await Promise.all([drain(accessReader, contextFor(file)), drain(accessReader, contextFor(plain))])
    expect(encodedSheets.map((s) => [s.name, s.rows.length])).toEqual([['Residents', 4], ['Visits', 450]])
    expect(encodedSheets).toEqual(plainSheets)
  })

  it('reads an empty table and a table of fixed-width columns only', async () => {
    const dir = tempDir()
    const file = careFile(dir, [
      { name: 'Empty', columns: [{ name: 'Name', type: 'text' }], rows: [] },
      { name: 'Scores', columns: [{ name: 'N', type: 'long' }, { name: 'Ok', type: 'boolean' }], rows: [[7, true], [null, false]] },
    ])
    const sheets = await drain(accessReader, contextFor(file))
    expect(sheets.map((s) => [s.name, s.columns, s.rows])).toEqual([
      ['Empty', ['Name'], []],
      ['Scores', ['N', 'Ok'], [{ rowNumber: 1, cells: ['7', 'true'] }, { rowNumber: 2, cells: [null, 'false'] }]],
    ])
  })

  it('refuses a damaged file with IMPORT_REJECTED and leaves the workspace unchanged', async () => {
    const dir = tempDir()
    const bytes = buildJet4Mdb([residents])
    bytes[2 * 4096] = 0x07 // the catalogue's table definition page no longer says it is one
    await expectRefused(dir, 'damaged.mdb', bytes, 'it is not a readable Access database (Wrong page type. Expected 2 but received 7.)')
  })
})

describe('Access 2007+ .accdb (ACE) files read by mdb-reader through the import engine', () => {
  const aceVersions: [AccessFileFormat, number][] = [
    ['ace12', 2],
    ['ace14', 3],
  ]

  it.each(aceVersions)('imports a %s care.accdb with exact counts and values, like the .mdb', async (format, version) => {
    const dir = tempDir()
    const file = careFile(dir, careTables, format)
    const bytes = fs.readFileSync(file)
    // mdb-reader picks ACE from the version byte; the signature is what the engine detects.
    expect([bytes.subarray(4, 19).toString('latin1'), bytes[0x14]]).toEqual(['Standard ACE DB', version])
    // ACE keeps Jet 4's pages: only page 0 differs from the .mdb of the same tables.
    expect(bytes.subarray(4096).equals(buildJet4Mdb(careTables).subarray(4096))).toBe(true)
    const ws = newWorkspace(dir)
    expectCareImported(ws, await importFile(ws, file))
  })

  it('refuses a password-protected .accdb (Office encryption) before reading it, whatever its method', async () => {
    const dir = tempDir()
    const bytes = fs.readFileSync(careFile(dir, careTables, 'ace14'))
    // Set a database key in the masked header, as Access does when it encrypts with a password.
    const header = rc4(headerKey, bytes.subarray(0x18, 0x18 + 128))
    header.writeUInt32LE(0x5eed1234, 0x3e - 0x18)
    rc4(headerKey, header).copy(bytes, 0x18)
    await expectRefused(dir, 'locked.accdb', bytes, 'it is password-protected; remove the password in Access (File, Info, Decrypt Database) and try again')
  })
})

/** The fixed key Access masks page 0's header with (Jet 4 and ACE alike). */
const headerKey = Buffer.from([0xc7, 0xda, 0x39, 0x6b])

/** Writes `bytes` as `name`, imports it, and expects IMPORT_REJECTED with `reason` and an unchanged workspace. */
async function expectRefused(dir: string, name: string, bytes: Buffer, reason: string): Promise<void> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  const ws = newWorkspace(dir)
  const before = rowCounts(ws.db)
  const r = await rejectionOf(importFile(ws, file))
  expect([r.code, r.message]).toEqual(['IMPORT_REJECTED', `Cannot import ${name}: ${reason}.`])
  expect(rowCounts(ws.db)).toEqual(before)
}
