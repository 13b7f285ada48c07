/**
 * Turns (table id, row id) into what a person can find: file, sheet and the 1-based row number
 * in the original sheet. Row numbers are looked up by row id, one query per table that has issues.
 */
import type Database from 'better-sqlite3'
import { listSourceTables, rowNumbersOf } from './store'
import type { SourceTableInfo } from './store'

export class SourceLocator {
  private readonly tables: Map<number, SourceTableInfo>
  private readonly wanted = new Map<number, Set<number>>()
  private readonly rowNumbers = new Map<string, number>()

  constructor(private readonly db: Database.Database) {
    this.tables = new Map(listSourceTables(db).map((t) => [t.id, t]))
  }

  table(tableId: number): SourceTableInfo | null {
    return this.tables.get(tableId) ?? null
  }

  want(tableId: number, rowId: number): void {
    if (!this.tables.has(tableId)) return
    let rows = this.wanted.get(tableId)
    if (!rows) this.wanted.set(tableId, (rows = new Set()))
    rows.add(rowId)
  }

  /** Reads the row numbers of every wanted row. */
  resolve(): void {
    for (const [tableId, rows] of this.wanted) {
      for (const [rowId, rowNumber] of rowNumbersOf(this.db, tableId, rows)) this.rowNumbers.set(`${tableId}:${rowId}`, rowNumber)
    }
    this.wanted.clear()
  }

  rowNumber(tableId: number, rowId: number): number | null {
    return this.rowNumbers.get(`${tableId}:${rowId}`) ?? null
  }

  /** "Residents row 17": how messages name a row. */
  describe(tableId: number | null, rowId: number | null): string {
    const table = tableId === null ? null : this.table(tableId)
    if (!table || rowId === null) return 'a record with no source row'
    const number = this.rowNumber(table.id, rowId)
    return number === null ? `${table.sheet ?? table.name} (row id ${rowId})` : `${table.sheet ?? table.name} row ${number}`
  }
}
