/**
 * Writes rows into one `raw_<tableId>` table. This is the hot path of every import.
 *
 * Two ways in, storing exactly the same rows:
 * - packed (when the `mods_cells` extension is loaded on the connection, see native-cells.ts): a
 *   batch's cells are joined into one string and described by a float64 layout (row id, row
 *   number, each cell's length or -1 for NULL); one statement copies them into the table. One
 *   string crosses into SQLite per batch instead of one per cell, which was most of the time.
 * - bound values: one prepared multi-row INSERT with a reused parameter array, passed as separate
 *   arguments (`apply`) so better-sqlite3 reads each value straight from the call.
 * When SQLite numbers the rows itself, `_row_id` is left out (one value less per row).
 */
import type Database from 'better-sqlite3'
import { sqlColumnName } from './header'
import { hasNativeCells } from './native-cells'

type Cells = readonly (string | null)[]

interface RowSink {
  /** `line`: the record's own text, when its cells are its pieces between one-character delimiters. */
  add(rowId: number | null, rowNumber: number, cells: Cells, line?: string): void
  flush(): void
}

interface Target {
  db: Database.Database
  table: string
  width: number
  explicitIds: boolean
}

function targetColumns(t: Target): string[] {
  return [...(t.explicitIds ? ['_row_id'] : []), '_row_number', ...Array.from({ length: t.width }, (_, i) => `"${sqlColumnName(i)}"`)]
}

/** Rows per INSERT statement: fewer statement runs, bounded by SQLite's 32,766 parameters. */
function rowsPerStatement(stride: number): number {
  return Math.max(1, Math.min(128, Math.floor(32_000 / stride)))
}

class BoundRows implements RowSink {
  private readonly stride: number
  private readonly perStatement: number
  private readonly multi: Database.Statement
  private readonly single: Database.Statement
  private readonly params: unknown[]
  private pending = 0

  constructor(private readonly t: Target) {
    this.stride = t.width + (t.explicitIds ? 2 : 1)
    const tuple = `(${Array(this.stride).fill('?').join(',')})`
    const into = `INSERT INTO "${t.table}" (${targetColumns(t).join(',')}) VALUES `
    this.perStatement = rowsPerStatement(this.stride)
    this.multi = t.db.prepare(into + Array(this.perStatement).fill(tuple).join(','))
    this.single = t.db.prepare(into + tuple)
    this.params = new Array(this.stride * this.perStatement)
  }

  add(rowId: number | null, rowNumber: number, cells: Cells): void {
    const width = this.t.width
    const params = this.params
    let p = this.pending * this.stride
    if (this.t.explicitIds) params[p++] = rowId
    params[p++] = rowNumber
    const n = cells.length < width ? cells.length : width
    let i = 0
    for (; i < n; i++) params[p++] = cells[i] ?? null
    for (; i < width; i++) params[p++] = null
    if (++this.pending === this.perStatement) {
      this.multi.run.apply(this.multi, params)
      this.pending = 0
    }
  }

  flush(): void {
    const stride = this.stride
    for (let r = 0; r < this.pending; r++) this.single.run(this.params.slice(r * stride, (r + 1) * stride))
    this.pending = 0
  }
}

/** Text per batch (UTF-16 units): large enough to amortise the statement, small enough that rows die young. */
const packedBatchUnits = 64 * 1024

/** Float64 values per row in the layout before the cell lengths: row id, row number, gap. */
const layoutHead = 3

class PackedRows implements RowSink {
  private readonly stride: number
  private readonly maxRows: number
  private readonly layout: Float64Array
  private readonly statement: Database.Statement
  private parts: string[] = []
  private rows = 0
  private units = 0

  constructor(
    private readonly t: Target,
    private readonly bound: () => BoundRows,
  ) {
    this.stride = t.width + layoutHead
    this.maxRows = Math.max(1, Math.min(1024, Math.floor(65_536 / this.stride)))
    this.layout = new Float64Array(this.maxRows * this.stride)
    const source = `mods_cells_${t.width}`
    t.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${source} USING mods_cells(${t.width})`)
    const selected = [...(t.explicitIds ? ['row_id'] : []), 'row_number', ...Array.from({ length: t.width }, (_, i) => `c${i}`)]
    this.statement = t.db.prepare(`INSERT INTO "${t.table}" (${targetColumns(t).join(',')}) SELECT ${selected.join(',')} FROM temp.${source} WHERE text = ? AND layout = ?`)
  }

  add(rowId: number | null, rowNumber: number, cells: Cells, line?: string): void {
    const width = this.t.width
    const layout = this.layout
    let p = this.rows * this.stride
    layout[p++] = rowId ?? NaN
    layout[p++] = rowNumber
    const n = cells.length < width ? cells.length : width
    // A record's own line goes in whole (one string instead of one per cell) unless cells are cut off.
    const whole = line !== undefined && cells.length <= width
    layout[p++] = whole ? 1 : 0
    let i = 0
    if (whole) {
      this.parts.push(line)
      this.units += line.length
      for (; i < n; i++) layout[p++] = cells[i]!.length
    } else {
      for (; i < n; i++) {
        const cell = cells[i]
        if (cell === null || cell === undefined) layout[p++] = -1
        else {
          this.parts.push(cell)
          layout[p++] = cell.length
          this.units += cell.length
        }
      }
    }
    for (; i < width; i++) layout[p++] = -1
    if (++this.rows === this.maxRows || this.units >= packedBatchUnits) this.flush()
  }

  flush(): void {
    if (this.rows === 0) return
    const text = this.parts.join('')
    try {
      this.statement.run(text, Buffer.from(this.layout.buffer, 0, this.rows * this.stride * 8))
    } catch (err) {
      // A lone surrogate ending one string and another starting the next become one character
      // when joined, so the lengths no longer match: the extension refuses the batch (nothing of
      // it is written) and it goes in value by value, exactly as the other path stores it.
      if (!(err instanceof Error && err.message.startsWith('mods_cells: the layout does not match'))) throw err
      this.replay(this.bound())
    }
    this.parts = []
    this.rows = 0
    this.units = 0
  }

  /** The batch's cells rebuilt from the layout, through the bound-values path. */
  private replay(sink: BoundRows): void {
    const layout = this.layout
    let part = 0
    for (let r = 0; r < this.rows; r++) {
      const at = r * this.stride
      const gap = layout[at + 2]!
      const text = gap ? this.parts[part++]! : ''
      let pos = 0
      const cells = Array.from({ length: this.t.width }, (_, i) => {
        const length = layout[at + layoutHead + i]!
        if (length === -1) return null
        if (!gap) return this.parts[part++]!
        const cell = text.slice(pos, pos + length)
        pos += length + gap
        return cell
      })
      const id = layout[at]!
      sink.add(Number.isNaN(id) ? null : id, layout[at + 1]!, cells)
    }
    sink.flush()
  }
}

export class RawTableWriter {
  private width: number
  private sink!: RowSink
  rowCount = 0

  /** `explicitIds`: rows come with their `_row_id` (stable identities); otherwise SQLite numbers them. */
  constructor(
    private readonly db: Database.Database,
    readonly dataTable: string,
    width: number,
    private readonly explicitIds: boolean,
  ) {
    this.width = width
    const columns = Array.from({ length: width }, (_, i) => `"${sqlColumnName(i)}" TEXT`)
    db.exec(`CREATE TABLE "${dataTable}" (_row_id INTEGER PRIMARY KEY, _row_number INTEGER NOT NULL${columns.map((c) => ', ' + c).join('')})`)
    this.sink = this.newSink()
  }

  get columnCount(): number {
    return this.width
  }

  private newSink(): RowSink {
    const target: Target = { db: this.db, table: this.dataTable, width: this.width, explicitIds: this.explicitIds }
    // The batch table needs at least one cell and declares four columns besides the cells, within
    // SQLite's 2,000 per table; a table without columns (an empty JSON) has nothing to pack.
    if (!hasNativeCells(this.db) || this.width < 1 || this.width > 1996) return new BoundRows(target)
    let bound: BoundRows | null = null
    return new PackedRows(target, () => (bound ??= new BoundRows(target)))
  }

  /** Adds physical columns c<width>..c<newWidth-1> (a row had more cells than the header). */
  widen(newWidth: number): void {
    this.sink.flush()
    for (let i = this.width; i < newWidth; i++) this.db.exec(`ALTER TABLE "${this.dataTable}" ADD COLUMN "${sqlColumnName(i)}" TEXT`)
    this.width = newWidth
    this.sink = this.newSink()
  }

  /** `rowId` null lets SQLite number the row; cells beyond the width must be widened first. */
  add(rowId: number | null, rowNumber: number, cells: Cells, line?: string): void {
    this.rowCount++
    this.sink.add(rowId, rowNumber, cells, line)
  }

  flush(): void {
    this.sink.flush()
  }
}
