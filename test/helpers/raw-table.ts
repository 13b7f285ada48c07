/**
 * Test helper: puts an imported table straight into a workspace (source, source_table,
 * source_column and its raw_<id> table), the way the import engine leaves it, so later stages
 * can be tested without reading files.
 */
import type Database from 'better-sqlite3'

export interface RawTableSpec {
  file?: string
  name: string
  columns: string[]
  rows: (string | null)[][]
}

export function createRawTable(db: Database.Database, spec: RawTableSpec): number {
  const file = spec.file ?? 'legacy.xlsx'
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM source WHERE file_name = ?').get(file) as { id: number } | undefined
    const sourceId =
      existing?.id ??
      Number(
        db
          .prepare('INSERT INTO source (file_name, format, sha256, size_bytes, imported_at) VALUES (?, ?, ?, 0, ?)')
          .run(file, file.endsWith('.csv') ? 'csv' : 'xlsx', `sha-${file}`, new Date().toISOString()).lastInsertRowid,
      )
    const next = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM source_table').get() as { id: number }).id
    const dataTable = `raw_${next}`
    db.prepare('INSERT INTO source_table (id, source_id, name, sheet, data_table, header_row, row_count) VALUES (?, ?, ?, ?, ?, 1, ?)').run(
      next, sourceId, spec.name, spec.name, dataTable, spec.rows.length,
    )
    const addColumn = db.prepare('INSERT INTO source_column (table_id, ordinal, name, sql_name) VALUES (?, ?, ?, ?)')
    spec.columns.forEach((c, i) => addColumn.run(next, i, c, `c${i}`))
    const cols = spec.columns.map((_, i) => `c${i} TEXT`).join(', ')
    db.exec(`CREATE TABLE "${dataTable}" (_row_id INTEGER PRIMARY KEY, _row_number INTEGER NOT NULL${cols ? ', ' + cols : ''})`)
    const insert = db.prepare(`INSERT INTO "${dataTable}" VALUES (?, ?${', ?'.repeat(spec.columns.length)})`)
    spec.rows.forEach((r, i) => insert.run(i + 1, i + 2, ...spec.columns.map((_, c) => r[c] ?? null)))
    return next
  })()
}
