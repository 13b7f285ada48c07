/**
 * Arbitrary batches thrown at the mods_cells extension (native/mods_cells.c): any text, any layout
 * (NaN, infinities, negatives, fractions, huge numbers, wrong sizes, text cut mid-character).
 * A model written here from the layout's definition says what each batch must give; the extension
 * must store exactly those bytes, or refuse the batch with a `mods_cells:` error and write nothing.
 * A memory error would take the test process down with it. (Also run once under valgrind's
 * memcheck, 5,000 such batches, 0 errors: docs/performance.md.)
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { loadNativeCells, nativeCellsUnavailable } from '../../src-main/core/sources/native-cells'

const unavailable = nativeCellsUnavailable()
if (unavailable) {
  if (process.env.CI === 'true') throw new Error(`The mods_cells extension must be built in CI: ${unavailable}`)
  console.warn(`SKIPPING mods_cells fuzz: ${unavailable}`)
}

const width = 3
const db = new Database(':memory:')
afterAll(() => db.close())

const number = fc.oneof(
  fc.integer({ min: -2, max: 8 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 1e300, -1e300, 2 ** 53, 2 ** 31),
  fc.double(),
)

type Cell = string | null

/** The bytes SQLite holds for a JavaScript string, as V8 encodes it (a lone surrogate as its own 3 bytes). */
function utf8Hex(text: string): string {
  const bytes: number[] = []
  for (const ch of text) {
    const v = ch.codePointAt(0)!
    if (v < 0x80) bytes.push(v)
    else if (v < 0x800) bytes.push(0xc0 | (v >> 6), 0x80 | (v & 63))
    else if (v < 0x10000) bytes.push(0xe0 | (v >> 12), 0x80 | ((v >> 6) & 63), 0x80 | (v & 63))
    else bytes.push(0xf0 | (v >> 18), 0x80 | ((v >> 12) & 63), 0x80 | ((v >> 6) & 63), 0x80 | (v & 63))
  }
  return Buffer.from(bytes).toString('hex').toUpperCase()
}

/** What the extension must do with a batch, worked out independently: its rows, or null (refused). */
function expected(text: string, layout: number[]): [number | null, number, ...Cell[]][] | null {
  const stride = width + 3
  if (layout.length % stride !== 0 || (layout.length === 0 && text !== '')) return null
  const units = [...text] // code points: a cell may not end inside one
  let at = 0
  let pos = 0
  const take = (n: number): string | null => {
    if (!Number.isInteger(n) || n < 0) return null
    let taken = ''
    while (taken.length < n) {
      const next = units[at]
      if (next === undefined || taken.length + next.length > n) return null
      taken += next
      at++
    }
    pos += n
    return taken
  }
  const safe = (n: number) => Number.isSafeInteger(n) || Math.abs(n) === 2 ** 53
  const rows: [number | null, number, ...Cell[]][] = []
  for (let r = 0; r < layout.length / stride; r++) {
    const [id, rowNumber, gap, ...lengths] = layout.slice(r * stride, (r + 1) * stride) as number[]
    if (!(Number.isNaN(id) || safe(id!)) || !safe(rowNumber!)) return null
    const cells: Cell[] = []
    for (const [i, length] of lengths.entries()) {
      if (length === -1) {
        cells.push(null)
        continue
      }
      if (i > 0 && take(gap!) === null) return null
      const cell = take(length)
      if (cell === null) return null
      cells.push(utf8Hex(cell))
    }
    rows.push([Number.isNaN(id) ? null : id! + 0, rowNumber! + 0, ...cells]) // + 0: SQLite has no -0 integer
  }
  return pos === text.length ? rows : null
}

describe.skipIf(unavailable !== null)('mods_cells with arbitrary batches', () => {
  it('writes exactly the rows the layout describes, or refuses the batch with its own error and writes nothing', () => {
    expect(loadNativeCells(db)).toBe(true)
    db.exec(`CREATE TABLE t (id, n, c0, c1, c2); CREATE VIRTUAL TABLE temp.cells USING mods_cells(${width})`)
    const insert = db.prepare('INSERT INTO t SELECT row_id, row_number, c0, c1, c2 FROM temp.cells WHERE text = ? AND layout = ?')
    const piece = fc.array(fc.constantFrom('a', 'é', 'Ł', '😀', ',', '\u0000'), { maxLength: 5 }).map((a) => a.join(''))
    const row = fc.record({
      id: fc.oneof(fc.constant(NaN), fc.integer({ min: -5, max: 1e6 })),
      rowNumber: fc.nat(),
      gap: fc.constantFrom(0, 1),
      cells: fc.array(fc.option(piece), { minLength: width, maxLength: width }),
    })
    // A well-formed batch (text and layout agree), then perhaps one number replaced by anything
    // and perhaps the text cut or lengthened: most batches stay valid, many do not.
    const batch = fc
      .tuple(fc.array(row, { maxLength: 4 }), fc.option(fc.tuple(fc.nat(), number)), fc.option(fc.oneof(fc.integer({ min: -3, max: -1 }), piece)))
      .map(([rows, swap, textChange]) => {
        const values = rows.flatMap((r) => [r.id, r.rowNumber, r.gap, ...r.cells.map((c) => (c === null ? -1 : c.length))])
        let text = rows.map((r) => r.cells.map((c, i) => (c === null ? '' : (i > 0 ? ','.repeat(r.gap) : '') + c)).join('')).join('')
        if (swap && values.length) values[swap[0] % values.length] = swap[1]
        if (typeof textChange === 'number') text = text.slice(0, textChange)
        else if (textChange !== null) text += textChange
        return { text, values }
      })
    let written = 0
    fc.assert(
      fc.property(batch, ({ text: t, values }) => {
        db.exec('DELETE FROM t')
        const model = expected(t, values)
        try {
          insert.run(t, Buffer.from(new Float64Array(values).buffer))
        } catch (err) {
          expect((err as Error).message).toMatch(/^mods_cells: /)
          expect(model).toBeNull()
          expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0)
          return
        }
        const stored = db.prepare('SELECT id, n, ' + ['c0', 'c1', 'c2'].map((c) => `CASE WHEN ${c} IS NULL THEN NULL ELSE hex(${c}) END`).join(', ') + ' FROM t ORDER BY rowid')
        expect(stored.raw().all()).toEqual(model)
        written += model!.length
      }),
      { numRuns: 4000 },
    )
    expect(written).toBeGreaterThan(100) // the property saw real rows, not only refusals
  })
})
