/**
 * Writes rows into one `raw_<tableId>` table. This is the hot path of every import, so rows go in
 * through one prepared multi-row INSERT with a reused parameter array (no per-row objects), passed
 * as separate arguments (`apply`): better-sqlite3 then reads each value straight from the call
 * instead of one `Array::Get` per value, which was ~15 % of the insert time. When SQLite numbers
 * the rows itself, `_row_id` is left out of the statement (one value less to bind per row).
 */
import type Database from 'better-sqlite3'
import { sqlColumnName } from './header'

/** Rows per INSERT statement: fewer statement runs, bounded by SQLite's 32,766 parameters. */
function rowsPerStatement(stride: number): number {
  return Math.max(1, Math.min(128, Math.floor(32_000 / stride)))
}

export class RawTableWriter {
  private width: number
  private multi!: Database.Statement
  private single!: Database.Statement
  private perStatement = 1
  private params: unknown[] = []
  private pending = 0
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
    this.prepare()
  }

  get columnCount(): number {
    return this.width
  }

  private get stride(): number {
    return this.width + (this.explicitIds ? 2 : 1)
  }

  private prepare(): void {
    const columns = [...(this.explicitIds ? ['_row_id'] : []), '_row_number', ...Array.from({ length: this.width }, (_, i) => `"${sqlColumnName(i)}"`)]
    const tuple = `(${Array(this.stride).fill('?').join(',')})`
    const into = `INSERT INTO "${this.dataTable}" (${columns.join(',')}) VALUES `
    this.perStatement = rowsPerStatement(this.stride)
    this.multi = this.db.prepare(into + Array(this.perStatement).fill(tuple).join(','))
    this.single = this.db.prepare(into + tuple)
    this.params = new Array(this.stride * this.perStatement)
  }

  /** Adds physical columns c<width>..c<newWidth-1> (a row had more cells than the header). */
  widen(newWidth: number): void {
    this.flush()
    for (let i = this.width; i < newWidth; i++) this.db.exec(`ALTER TABLE "${this.dataTable}" ADD COLUMN "${sqlColumnName(i)}" TEXT`)
    this.width = newWidth
    this.prepare()
  }

  /** `rowId` null lets SQLite number the row; cells beyond the width must be widened first. */
  add(rowId: number | null, rowNumber: number, cells: (string | null)[]): void {
    const width = this.width
    const params = this.params
    let p = this.pending * this.stride
    if (this.explicitIds) params[p++] = rowId
    params[p++] = rowNumber
    const n = cells.length < width ? cells.length : width
    let i = 0
    for (; i < n; i++) params[p++] = cells[i] ?? null
    for (; i < width; i++) params[p++] = null
    this.rowCount++
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
