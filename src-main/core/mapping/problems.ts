/**
 * The problems of the last apply, a page at a time, each with where a person can find it:
 * file, sheet, the 1-based row number in the original sheet, and the column.
 */
import type Database from 'better-sqlite3'
import type { MappingProblemKind, MappingProblemView } from '../../contract/methods/mapping'
import { SourceLocator } from '../sources/locate'

interface ProblemRow {
  kind: MappingProblemKind
  dataset: string
  record_key: string
  element_id: string | null
  source_table_id: number | null
  source_row_id: number | null
  source_column: string | null
  value: string | null
  message: string
}

export function problemPage(db: Database.Database, query: { kind?: MappingProblemKind | undefined; offset: number; limit: number }): { total: number; problems: MappingProblemView[] } {
  const where = query.kind ? 'WHERE kind = ?' : ''
  const args = query.kind ? [query.kind] : []
  const total = (db.prepare(`SELECT count(*) AS n FROM mapping_problem ${where}`).get(...args) as { n: number }).n
  const rows = db
    .prepare(`SELECT kind, dataset, record_key, element_id, source_table_id, source_row_id, source_column, value, message FROM mapping_problem ${where} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...args, query.limit, query.offset) as ProblemRow[]
  const locator = new SourceLocator(db)
  for (const r of rows) if (r.source_table_id !== null && r.source_row_id !== null) locator.want(r.source_table_id, r.source_row_id)
  locator.resolve()
  return {
    total,
    problems: rows.map((r) => {
      const table = r.source_table_id === null ? null : locator.table(r.source_table_id)
      return {
        kind: r.kind,
        dataset: r.dataset,
        recordKey: r.record_key,
        element: r.element_id,
        file: table?.fileName ?? null,
        sheet: table ? (table.sheet ?? table.name) : null,
        rowNumber: table && r.source_row_id !== null ? locator.rowNumber(table.id, r.source_row_id) : null,
        column: r.source_column,
        value: r.value,
        message: r.message,
      }
    }),
  }
}
