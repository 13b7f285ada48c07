/**
 * The mods_cells extension (native/mods_cells.c) and the packed row path that uses it: the same
 * rows, byte for byte, as the bound-values path for any text (lone surrogates included), every
 * malformed batch refused with a clear error and nothing written, and no way in from SQL.
 * Without the built extension the suite skips loudly, except under CI=true, where the install
 * must build it (.ci/run sets MODS_MIGRATE_REQUIRE_NATIVE=1).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { iterateRows } from '../../../src-main/core/sources'
import { loadNativeCells, nativeCellsUnavailable } from '../../../src-main/core/sources/native-cells'
import { RawTableWriter } from '../../../src-main/core/sources/table-writer'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

const unavailable = nativeCellsUnavailable()
if (unavailable) {
  if (process.env.CI === 'true') throw new Error(`The mods_cells extension must be built in CI: ${unavailable}`)
  console.warn(`SKIPPING mods_cells tests: ${unavailable}`)
}

const open: Database.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
  delete process.env.MODS_MIGRATE_NATIVE
  delete process.env.MODS_MIGRATE_NATIVE_DIR
})

function connection(native: boolean): Database.Database {
  const db = new Database(':memory:')
  open.push(db)
  if (native) expect(loadNativeCells(db)).toBe(true)
  return db
}

/** Float64 layout rows: row id (NaN: none), row number, gap, then cell lengths (-1: NULL). */
function layout(rows: number[][]): Buffer {
  return Buffer.from(new Float64Array(rows.flat()).buffer)
}

interface Row {
  cells: (string | null)[]
  line?: string
}

/** Every stored value as hex, so the two paths are compared byte for byte. */
function stored(db: Database.Database, table: string, width: number): unknown[] {
  const columns = Array.from({ length: width }, (_, i) => `hex(c${i}), typeof(c${i})`).join(', ')
  return db.prepare(`SELECT _row_id, _row_number, ${columns} FROM "${table}" ORDER BY _row_id`).raw().all()
}

function writeBoth(rows: Row[], width: number, explicitIds: boolean): [unknown[], unknown[]] {
  return [true, false].map((native) => {
    const db = connection(native)
    const writer = new RawTableWriter(db, 'raw_1', width, explicitIds)
    rows.forEach((row, i) => writer.add(explicitIds ? 1000 + i * 7 : null, i + 2, row.cells, row.line))
    writer.flush()
    if (native) expect(db.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE name = ?").get(`mods_cells_${width}`)).toEqual({ n: 1 })
    return stored(db, 'raw_1', width)
  }) as [unknown[], unknown[]]
}

describe.skipIf(unavailable !== null)('mods_cells extension', () => {
  it('reads joined cells and whole lines, NULLs and non-ASCII exactly', () => {
    const db = connection(true)
    db.exec('CREATE VIRTUAL TABLE temp.cells USING mods_cells(3)')
    const text = 'Zoë' + '' + '😀x' + 'Łukasz,0123,Siân'
    const rows = db
      .prepare('SELECT row_id, row_number, c0, c1, c2 FROM temp.cells WHERE text = ? AND layout = ?')
      .raw()
      .all(text, layout([[NaN, 2, 0, 3, 0, 3], [41, 3, 0, -1, -1, -1], [NaN, 4, 1, 6, 4, 4]]))
    expect(rows).toEqual([
      [null, 2, 'Zoë', '', '😀x'],
      [41, 3, null, null, null],
      [null, 4, 'Łukasz', '0123', 'Siân'],
    ])
  })

  it.each([
    ['the layout is not a whole number of rows', 'ab', Buffer.alloc(8 * 5)],
    ['the layout does not match the text', 'ab', layout([[NaN, 1, 0, 3]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1, 0, 1.5]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1, 0, NaN]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1, 0, -2]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1, 0, 1e300]])],
    ['the layout does not match the text', '😀', layout([[NaN, 1, 0, 1]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1.5, 0, 2]])],
    ['the layout does not match the text', 'ab', layout([[Infinity, 1, 0, 2]])],
    ['the layout does not match the text', 'ab', layout([[NaN, 1e300, 0, 2]])],
    ['the layout does not match the text', 'abc', layout([[NaN, 1, 0, 2], [NaN, 2, 0, 2]])],
    ['the text is longer than the layout says', 'abc', layout([[NaN, 1, 0, 2]])],
    ['text without a layout', 'abc', Buffer.alloc(0)],
    ['text must be TEXT and layout a BLOB', Buffer.from('ab'), layout([[NaN, 1, 0, 2]])],
  ])('refuses a batch where %s', (message, text, lay) => {
    const db = connection(true)
    db.exec('CREATE TABLE t (a TEXT); CREATE VIRTUAL TABLE temp.cells USING mods_cells(1)')
    db.exec('BEGIN')
    db.prepare("INSERT INTO t VALUES ('kept')").run()
    expect(() => db.prepare('INSERT INTO t SELECT c0 FROM temp.cells WHERE text = ? AND layout = ?').run(text, lay)).toThrow(`mods_cells: ${message}`)
    db.exec('COMMIT')
    // The failed statement wrote nothing; the transaction around it goes on.
    expect(db.prepare('SELECT a FROM t').pluck().all()).toEqual(['kept'])
  })

  it('is created only in the temp schema, with a sane width, and queried only with its arguments', () => {
    const db = connection(true)
    expect(() => db.exec('CREATE VIRTUAL TABLE main.cells USING mods_cells(2)')).toThrow('mods_cells: create it in the temp schema only')
    expect(() => db.exec('CREATE VIRTUAL TABLE temp.c0 USING mods_cells(0)')).toThrow('give the number of cells per row')
    expect(() => db.exec('CREATE VIRTUAL TABLE temp.c1 USING mods_cells(40000)')).toThrow('give the number of cells per row')
    db.exec('CREATE VIRTUAL TABLE temp.cells USING mods_cells(2)')
    expect(() => db.prepare('SELECT * FROM temp.cells').all()).toThrow()
  })

  it('cannot be loaded from SQL', () => {
    const db = connection(true)
    expect(() => db.prepare("SELECT load_extension('native/build/mods_cells')").get()).toThrow(/not authorized/)
  })

  it('stores exactly what the bound-values path stores, for any text (property)', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff }), fc.constantFrom(0xd83d, 0xde00, 0x2c))
    const cell = fc.oneof(fc.constant(null), fc.array(unit, { maxLength: 12 }).map((codes) => String.fromCharCode(...codes)))
    const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells): Row => {
      const texts = cells.map((c) => c ?? '')
      // As the CSV tokenizer gives it: a line only when the cells are exactly its comma-separated pieces.
      return cells.every((c) => c !== null && !c.includes(',')) ? { cells: texts, line: texts.join(',') } : { cells }
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (rows, width, ids) => {
        const [packed, bound] = writeBoth(rows, width, ids)
        expect(packed).toEqual(bound)
      }),
      { numRuns: 300 },
    )
  })

  it('falls back to bound values for a batch whose joined text would merge two lone surrogates', () => {
    // In the batch's first row and in a later one: either way nothing is written twice.
    const rows = [{ cells: ['a\ud83d', '\ude00b'] }, { cells: ['Zoë', null] }, { cells: ['x', 'y\ud83d'] }, { cells: ['\ude00', 'z'] }]
    const [packed, bound] = writeBoth(rows, 2, false)
    expect(packed).toEqual(bound)
    expect(packed).toHaveLength(4)
  })

  it('imports the same rows as the bound path: quotes, ragged rows, widening, stable identities', async () => {
    const lines = ['Resident ID,Name,Note']
    for (let i = 1; i <= 3000; i++) {
      const note = i % 5 === 0 ? `"said ""hello""\r\nthen left"` : i % 9 === 0 ? '' : `note ${i}`
      lines.push(i === 2500 ? `R${i},Siân,${note},extra,cells` : i % 13 === 0 ? `R${i},Łukasz` : `R${i},Zoë ${i},${note}`)
    }
    const dir = tempDir()
    const file = writeFile(dir, 'people.csv', lines.join('\r\n'))
    const results = []
    for (const mode of ['on', 'off']) {
      if (mode === 'off') process.env.MODS_MIGRATE_NATIVE = 'off'
      for (const options of [{}, { keyColumn: 'Resident ID' }]) {
        const ws = newWorkspace(dir + `/${mode}-${Object.keys(options).length}`)
        const result = await importFile(ws, file, options)
        const table = result.tables[0]!
        results.push({ mode, options, columns: table.columns, warnings: table.warnings, rows: [...iterateRows(ws.db, table.id)] })
      }
    }
    const [onPlain, onKeyed, offPlain, offKeyed] = results
    expect(onPlain!.rows).toHaveLength(3000)
    expect(onPlain!.columns).toEqual(['Resident ID', 'Name', 'Note', 'Column 4', 'Column 5'])
    expect(onPlain!.rows[4]!.values).toEqual(['R5', 'Zoë 5', 'said "hello"\r\nthen left', null, null])
    expect(onPlain!.rows[2499]!.values).toEqual(['R2500', 'Siân', 'said "hello"\r\nthen left', 'extra', 'cells'])
    expect(onPlain!.rows[12]!.values).toEqual(['R13', 'Łukasz', null, null, null])
    expect({ ...onPlain, mode: '' }).toEqual({ ...offPlain, mode: '' })
    expect({ ...onKeyed, mode: '' }).toEqual({ ...offKeyed, mode: '' })
  })

  it.each([
    ['built from another version', 'a library built from older source'],
    ['would not load', 'a file that is not a SQLite extension'],
  ])('refuses %s (%s) and imports the same rows the slower way', async (reason) => {
    const dir = tempDir()
    const suffix = path.extname(nativeLibrary())
    const library = path.join(dir, `mods_cells${suffix}`)
    if (reason === 'would not load') writeFile(dir, `mods_cells${suffix}`, 'not a library')
    else {
      const built = spawnSync(process.env.CC ?? 'cc', ['-O1', '-fPIC', '-shared', '-DLAYOUT_VERSION=0', '-I', 'node_modules/better-sqlite3/deps/sqlite3', 'native/mods_cells.c', '-o', library])
      expect(built.status, String(built.stderr)).toBe(0)
    }
    process.env.MODS_MIGRATE_NATIVE_DIR = dir
    expect(loadNativeCells(connection(false))).toBe(false)
    expect(nativeCellsUnavailable()).toContain(reason)
    const ws = newWorkspace(dir)
    const result = await importFile(ws, writeFile(dir, 'people.csv', 'ID,Name\nR1,Zoë\nR2,"Siân, Łukasz"\n'))
    expect([...iterateRows(ws.db, result.tables[0]!.id)].map((r) => r.values)).toEqual([['R1', 'Zoë'], ['R2', 'Siân, Łukasz']])
  })
})

/** The library the install built (the suite runs only when there is one). */
function nativeLibrary(): string {
  return ['so', 'dylib', 'dll'].map((s) => path.join('native', 'build', `mods_cells.${s}`)).find((f) => fs.existsSync(f))!
}
