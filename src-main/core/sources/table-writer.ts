/**
 * Writes rows into one `raw_<tableId>` table. This is the hot path of every import, so rows go in
 * through one prepared multi-row INSERT with a reused parameter array (no per-row objects).
 */
import type Database from 'better-sqlite3'
import { sqlColumnName } from './header'

/** Rows per INSERT statement: fewer statement runs, bounded by SQLite's 32,766 parameters. */
function rowsPerStatement(width: number): number {
  return Math.max(1, Math.min(64, Math.floor(32_000 / (width + 2))))
}

export class RawTableWriter {
  private width: number
  private multi!: Database.Statement
  private single!: Database.Statement
  private perStatement = 1
  private params: unknown[] = []
  private pending = 0
  rowCount = 0

  constructor(
    private readonly db: Database.Database,
    readonly dataTable: string,
    width: number,
  ) {
    this.width = width
    const columns = Array.from({ length: width }, (_, i) => `"${sqlColumnName(i)}" TEXT`)
    db.exec(`CREATE TABLE "${dataTable}" (_row_id INTEGER PRIMARY KEY, _row_number INTEGER NOT NULL${columns.map((c) => ', ' + c).join('')})`)
    this.prepare()
  }

  get columnCount(): number {
    return this.width
  }

  private prepare(): void {
    const tuple = `(${Array(this.width + 2).fill('?').join(',')})`
    this.perStatement = rowsPerStatement(this.width)
    this.multi = this.db.prepare(`INSERT INTO "${this.dataTable}" VALUES ${Array(this.perStatement).fill(tuple).join(',')}`)
    this.single = this.db.prepare(`INSERT INTO "${this.dataTable}" VALUES ${tuple}`)
    this.params = new Array((this.width + 2) * this.perStatement)
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
    let p = this.pending * (width + 2)
    params[p++] = rowId
    params[p++] = rowNumber
    const n = cells.length < width ? cells.length : width
    let i = 0
    for (; i < n; i++) params[p++] = cells[i] ?? null
    for (; i < width; i++) params[p++] = null
    this.rowCount++
    if (++this.pending === this.perStatement) {
      this.multi.run(params)
      this.pending = 0
    }
  }

  flush(): void {
    const stride = this.width + 2
    for (let r = 0; r < this.pending; r++) this.single.run(this.params.slice(r * stride, (r + 1) * stride))
    this.pending = 0
  }
}
