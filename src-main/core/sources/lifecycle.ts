/** Finding earlier imports (same content, or an earlier export of the same source) and removing one. */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'

export interface StoredSource {
  id: number
  file_name: string
  format: string
  sha256: string
  imported_at: string
}

export function sourcesWithSha(db: Database.Database, sha256: string): StoredSource[] {
  return db.prepare('SELECT id, file_name, format, sha256, imported_at FROM source WHERE sha256 = ? ORDER BY id').all(sha256) as StoredSource[]
}

export function getSource(db: Database.Database, sourceId: number): StoredSource {
  const row = db.prepare('SELECT id, file_name, format, sha256, imported_at FROM source WHERE id = ?').get(sourceId) as StoredSource | undefined
  if (!row) throw new ApiError('NOT_FOUND', `There is no imported source with id ${sourceId}.`)
  return row
}

/** The latest import of a file with this name and format: the source a newer export continues. */
export function latestSourceNamed(db: Database.Database, fileName: string, format: string): StoredSource | null {
  const row = db
    .prepare('SELECT id, file_name, format, sha256, imported_at FROM source WHERE file_name = ? AND format = ? ORDER BY id DESC LIMIT 1')
    .get(fileName, format) as StoredSource | undefined
  return row ?? null
}

/** Drops a source's raw tables and metadata. Call inside a transaction (with its audit event). */
export function dropSource(db: Database.Database, sourceId: number): { tables: number; rows: number } {
  const tables = db.prepare('SELECT data_table, row_count FROM source_table WHERE source_id = ?').all(sourceId) as { data_table: string; row_count: number }[]
  for (const t of tables) db.exec(`DROP TABLE IF EXISTS "${t.data_table}"`)
  db.prepare('DELETE FROM source WHERE id = ?').run(sourceId)
  return { tables: tables.length, rows: tables.reduce((n, t) => n + t.row_count, 0) }
}
