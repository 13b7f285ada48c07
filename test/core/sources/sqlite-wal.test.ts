/**
 * SQLite sources in WAL mode, as a care application leaves them while it runs: committed rows still
 * in the -wal file. They must be hashed and imported as a reader sees them, and the source folder
 * must stay exactly as it was (no -shm, no -wal created).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readRows } from '../../../src-main/core/sources'
import { sqliteReader } from '../../../src-main/core/sources/sqlite'
import { contextFor, drain, rejectionOf } from './format-helpers'
import { importFile, newWorkspace, tempDir } from './helpers'

afterEach(() => {
  vi.restoreAllMocks()
})

const residents = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [`${from + i}`, `Resident ${from + i}`])

function insertResidents(db: Database.Database, from: number, to: number): void {
  const insert = db.prepare('INSERT INTO residents VALUES (?, ?)')
  db.transaction(() => residents(from, to).forEach(([id, name]) => insert.run(Number(id), name)))()
}

/** Copies a file and, if present, its -wal into a new folder, as a user copying the vendor's folder would. */
function copyOut(vendorFile: string, withWal = true): string {
  const dir = tempDir()
  fs.copyFileSync(vendorFile, path.join(dir, 'care.db'))
  if (withWal) fs.copyFileSync(`${vendorFile}-wal`, path.join(dir, 'care.db-wal'))
  return path.join(dir, 'care.db')
}

/**
 * The vendor's database with checkpoints off, copied while it is open: `ten` and `twenty` share an
 * identical main file (the table only), their -wal files hold 10 and 20 rows; `checkpointed` is the
 * 20-row database after a checkpoint, in WAL mode without a -wal file.
 */
function walCopies(): { ten: string; twenty: string; checkpointed: string } {
  const vendorFile = path.join(tempDir(), 'care.db')
  const vendor = new Database(vendorFile)
  try {
    vendor.pragma('journal_mode = WAL')
    vendor.pragma('wal_autocheckpoint = 0')
    vendor.exec('CREATE TABLE residents (id INTEGER PRIMARY KEY, name TEXT)')
    vendor.pragma('wal_checkpoint(TRUNCATE)')
    insertResidents(vendor, 1, 10)
    const ten = copyOut(vendorFile)
    insertResidents(vendor, 11, 20)
    const twenty = copyOut(vendorFile)
    vendor.pragma('wal_checkpoint(TRUNCATE)')
    return { ten, twenty, checkpointed: copyOut(vendorFile, false) }
  } finally {
    vendor.close()
  }
}

/** Every file in the folder with its SHA-256: the folder must be exactly this after reading. */
function folderState(file: string): Record<string, string> {
  const dir = path.dirname(file)
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]))
}

describe('SQLite sources in WAL mode', () => {
  it('the copies differ only in their -wal files', () => {
    const { ten, twenty } = walCopies()
    expect(fs.readFileSync(ten).equals(fs.readFileSync(twenty))).toBe(true)
    expect(Object.keys(folderState(ten))).toEqual(['care.db', 'care.db-wal'])
  })

  it('imports the rows in the -wal, and copies with different -wal files are different sources', async () => {
    const { ten, twenty } = walCopies()
    const before = [folderState(ten), folderState(twenty)]
    const ws = newWorkspace()
    const first = await importFile(ws, ten)
    const second = await importFile(ws, twenty, { onDuplicate: 'skip' })
    expect(second.status).not.toBe('skipped')
    expect(second.sha256).not.toBe(first.sha256)
    expect(readRows(ws.db, first.tables[0]!.id, 0, 100).map((r) => r.values)).toEqual(residents(1, 10))
    expect(readRows(ws.db, second.tables[0]!.id, 0, 100).map((r) => r.values)).toEqual(residents(1, 20))
    expect([folderState(ten), folderState(twenty)]).toEqual(before)
  })

  it('knows the same content again, whether or not the other program has checkpointed', async () => {
    const { twenty, checkpointed } = walCopies()
    const before = folderState(checkpointed)
    const ws = newWorkspace()
    const first = await importFile(ws, twenty)
    await expect(importFile(ws, checkpointed)).rejects.toMatchObject({ code: 'CONFLICT', details: { sourceId: first.sourceId } })
    await expect(importFile(ws, checkpointed, { onDuplicate: 'skip' })).resolves.toMatchObject({ status: 'skipped', sourceId: first.sourceId })
    expect(folderState(checkpointed)).toEqual(before)
  })

  it('reads through a private folder that is removed afterwards, without writing next to the source', async () => {
    const { twenty } = walCopies()
    const before = folderState(twenty)
    const made = vi.spyOn(fs, 'mkdtempSync')
    const modes: number[] = []
    for await (const sheet of sqliteReader.sheets(contextFor(twenty))) {
      modes.push(fs.statSync(String(made.mock.results[0]!.value)).mode & 0o777)
      const rows: (string | null)[][] = []
      for await (const row of sheet.rows) rows.push(row.cells)
      expect(rows).toEqual(residents(1, 20))
    }
    expect(modes).toEqual([0o700])
    expect(fs.existsSync(String(made.mock.results[0]!.value))).toBe(false)
    expect(folderState(twenty)).toEqual(before)
  })

  it('removes the private folder when reading fails', async () => {
    const { twenty } = walCopies()
    const before = folderState(twenty)
    const made = vi.spyOn(fs, 'mkdtempSync')
    const r = await rejectionOf(drain(sqliteReader, contextFor(twenty, {}, { maxRows: 5 })))
    expect(r.message).toBe('Cannot import care.db, sheet residents: the table has more than 5 rows.')
    expect(made).toHaveBeenCalledTimes(1)
    expect(fs.existsSync(String(made.mock.results[0]!.value))).toBe(false)
    expect(folderState(twenty)).toEqual(before)
  })

  it('refuses a file another program writes to while it is copied', async () => {
    const { ten } = walCopies()
    const copy = fs.promises.copyFile.bind(fs.promises)
    // Stands in for the care application committing more rows between the two copies.
    vi.spyOn(fs.promises, 'copyFile').mockImplementationOnce(async (from, to) => {
      await copy(from, to)
      fs.appendFileSync(`${ten}-wal`, Buffer.alloc(32))
    })
    const made = vi.spyOn(fs, 'mkdtempSync')
    const r = await rejectionOf(drain(sqliteReader, contextFor(ten)))
    expect(r).toMatchObject({ code: 'IMPORT_REJECTED', message: 'Cannot import care.db: it changed while it was being read (another program is writing to it); close that program and try again.' })
    expect(fs.existsSync(String(made.mock.results[0]!.value))).toBe(false)
  })
})
