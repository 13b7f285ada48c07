import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { sqliteReader } from '../../../src-main/core/sources/sqlite'
import { contextFor, drain, rejectionOf, tempDir } from './format-helpers'
import { importFile, newWorkspace } from './helpers'

const dir = tempDir('mods-sqlite-')
const file = path.join(dir, 'legacy.db')
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')

beforeAll(() => {
  const db = new Database(file)
  db.exec(`
    CREATE TABLE residents (id INTEGER PRIMARY KEY, nhs_number TEXT, first_name TEXT, born TEXT, weight REAL, big INTEGER, photo BLOB);
    INSERT INTO residents VALUES (1, '9434765919', 'Zoë', '1938-02-14', 61.5, 9007199254740993, NULL);
    INSERT INTO residents VALUES (2, '0123456789', 'Łukasz', NULL, 78, NULL, x'89504e47');
    INSERT INTO residents VALUES (3, NULL, 'Siân', '1935-06-01', NULL, -4, NULL);
    CREATE TABLE "next of kin" (resident_id INTEGER, name TEXT);
    INSERT INTO "next of kin" VALUES (1, 'Mia Ashworth');
    CREATE VIEW welsh AS SELECT first_name FROM residents WHERE first_name LIKE 'Si%';
  `)
  db.close()
})

describe('SQLite reader', () => {
  it('detects SQLite files by their header', () => {
    expect(sqliteReader.detect(new Uint8Array(fs.readFileSync(file).subarray(0, 100)), 'x.bin')).toBe(true)
    expect(sqliteReader.detect(new Uint8Array(Buffer.from('id,name\n')), 'x.db')).toBe(false)
  })

  it('reads every table and view with typed values as text, binaries reported', async () => {
    const sheets = await drain(sqliteReader, contextFor(file))
    expect(sheets.map((s) => [s.name, s.columns, s.rows.length])).toEqual([
      ['residents', ['id', 'nhs_number', 'first_name', 'born', 'weight', 'big', 'photo'], 3],
      ['next of kin', ['resident_id', 'name'], 1],
      ['welsh', ['first_name'], 1],
    ])
    const [residents, , welsh] = sheets
    expect(residents!.rows).toEqual([
      { rowNumber: 1, cells: ['1', '9434765919', 'Zoë', '1938-02-14', '61.5', '9007199254740993', null] },
      { rowNumber: 2, cells: ['2', '0123456789', 'Łukasz', null, '78', null, '[binary data, 4 bytes]'] },
      { rowNumber: 3, cells: ['3', null, 'Siân', '1935-06-01', null, '-4', null] },
    ])
    expect(residents!.warnings).toEqual([
      'Column "photo" holds binary data (1 value(s), e.g. photos or documents); each was imported as a note of its size, not its content.',
    ])
    expect(welsh!.warnings).toEqual(['"welsh" is a view (a saved query), read as it is now.'])
  })

  it('never modifies the file', async () => {
    const before = sha(file)
    await drain(sqliteReader, contextFor(file, { sheets: ['residents'] }))
    expect(sha(file)).toBe(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['legacy.db'])
  })

  it('refuses a file that is not a database', async () => {
    const bogus = path.join(dir, 'bogus.sqlite')
    fs.writeFileSync(bogus, 'SQLite format 3\0' + 'x'.repeat(2000))
    const r = await rejectionOf(drain(sqliteReader, contextFor(bogus)))
    expect(r.code).toBe('IMPORT_REJECTED')
    expect(r.message).toMatch(/^Cannot import bogus\.sqlite: it is not a readable SQLite database \(.+\)\.$/)
    fs.rmSync(bogus)
  })

  describe('a view SQLite cannot run', () => {
    // "wards_view" reads a table that was dropped afterwards; SQLite allows that and fails only when the view runs.
    const viewsDir = tempDir('mods-sqlite-views-')
    const views = path.join(viewsDir, 'views.db')
    beforeAll(() => {
      const db = new Database(views)
      db.exec(`
        CREATE TABLE rooms (room TEXT, floor INTEGER);
        INSERT INTO rooms VALUES ('1A', 1), ('2B', 2);
        CREATE TABLE wards (ward TEXT);
        CREATE VIEW wards_view AS SELECT ward FROM wards;
        CREATE VIEW upstairs AS SELECT room FROM rooms WHERE floor > 1;
        DROP TABLE wards;
      `)
      db.close()
    })
    const skipped = 'The view "wards_view" was skipped because SQLite cannot run it (no such table: main.wards).'

    it('is skipped with a warning naming it and why; the rest is read', async () => {
      const sheets = await drain(sqliteReader, contextFor(views))
      expect(sheets.map((s) => [s.name, s.rows.map((r) => r.cells), s.warnings])).toEqual([
        ['rooms', [['1A', '1'], ['2B', '2']], [skipped]],
        ['upstairs', [['2B']], ['"upstairs" is a view (a saved query), read as it is now.']],
      ])
    })

    it('is refused by name when the user chose it', async () => {
      const r = await rejectionOf(drain(sqliteReader, contextFor(views, { sheets: ['rooms', 'wards_view'] })))
      expect(r).toMatchObject({ code: 'IMPORT_REJECTED', message: 'Cannot import views.db, sheet wards_view: the view could not be read (no such table: main.wards).' })
    })

    it('does not stop the import of the other tables and views', async () => {
      const before = fs.readdirSync(viewsDir).sort()
      const result = await importFile(newWorkspace(), views)
      expect(result.tables.map((t) => [t.name, t.rows])).toEqual([['rooms', 2], ['upstairs', 1]])
      expect(result.warnings).toContain(`rooms: ${skipped}`)
      expect(fs.readdirSync(viewsDir).sort()).toEqual(before)
    })

    it('refuses a file whose only contents are such views, naming them', async () => {
      const only = path.join(viewsDir, 'only-views.db')
      const db = new Database(only)
      db.exec('CREATE TABLE wards (ward TEXT); CREATE VIEW wards_view AS SELECT ward FROM wards; DROP TABLE wards;')
      db.close()
      const r = await rejectionOf(drain(sqliteReader, contextFor(only)))
      expect(r.message).toBe('Cannot import only-views.db: none of its views can be read ("wards_view": no such table: main.wards).')
      fs.rmSync(only)
    })
  })
})
