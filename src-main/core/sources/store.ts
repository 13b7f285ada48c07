/**
 * Reading imported sources back out of the workspace. Raw rows of each imported sheet/table live
 * in their own physical table (`raw_<tableId>`) with columns `_row_id` (stable row identity),
 * `_row_number` (1-based row in the original file/sheet, for provenance) and `c0..cN` (raw text,
 * never altered). This module is the only reader of those tables; importers are the only writers.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { SourceEntry } from '../../contract/methods/sources'

export interface SourceColumn {
  ordinal: number
  name: string
  sqlName: string
}

export interface SourceTableInfo {
  id: number
  sourceId: number
  fileName: string
  format: string
  name: string
  sheet: string | null
  hidden: boolean
  headerRow: number | null
  rowCount: number
  dataTable: string
  columns: SourceColumn[]
}

export interface RawRow {
  rowId: number
  rowNumber: number
  values: (string | null)[]
}

interface TableRow {
  id: number
  source_id: number
  file_name: string
  format: string
  name: string
  sheet: string | null
  hidden: number
  header_row: number | null
  row_count: number
  data_table: string
}

function columnsOf(db: Database.Database, tableId: number): SourceColumn[] {
  return (
    db.prepare('SELECT ordinal, name, sql_name FROM source_column WHERE table_id = ? ORDER BY ordinal').all(tableId) as {
      ordinal: number
      name: string
      sql_name: string
    }[]
  ).map((c) => ({ ordinal: c.ordinal, name: c.name, sqlName: c.sql_name }))
}

function toInfo(db: Database.Database, r: TableRow): SourceTableInfo {
  return {
    id: r.id,
    sourceId: r.source_id,
    fileName: r.file_name,
    format: r.format,
    name: r.name,
    sheet: r.sheet,
    hidden: r.hidden === 1,
    headerRow: r.header_row,
    rowCount: r.row_count,
    dataTable: r.data_table,
    columns: columnsOf(db, r.id),
  }
}

const tableQuery = `SELECT t.*, s.file_name, s.format FROM source_table t JOIN source s ON s.id = t.source_id`

export function listSourceTables(db: Database.Database): SourceTableInfo[] {
  return (db.prepare(`${tableQuery} ORDER BY t.id`).all() as TableRow[]).map((r) => toInfo(db, r))
}

export function getSourceTable(db: Database.Database, tableId: number): SourceTableInfo {
  const row = db.prepare(`${tableQuery} WHERE t.id = ?`).get(tableId) as TableRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `There is no imported table with id ${tableId}.`)
  return toInfo(db, row)
}

function selectList(info: SourceTableInfo): string {
  return ['_row_id', '_row_number', ...info.columns.map((c) => `"${c.sqlName}"`)].join(', ')
}

function toRawRow(info: SourceTableInfo, row: unknown[]): RawRow {
  return {
    rowId: row[0] as number,
    rowNumber: row[1] as number,
    values: row.slice(2) as (string | null)[],
  }
}

/** One page of rows in file order. */
export function readRows(db: Database.Database, tableId: number, offset: number, limit: number): RawRow[] {
  const info = getSourceTable(db, tableId)
  const stmt = db.prepare(`SELECT ${selectList(info)} FROM "${info.dataTable}" ORDER BY _row_id LIMIT ? OFFSET ?`).raw(true)
  return (stmt.all(limit, offset) as unknown[][]).map((r) => toRawRow(info, r))
}

/** Every row in file order, streamed (bounded memory). */
export function* iterateRows(db: Database.Database, tableId: number): Generator<RawRow> {
  const info = getSourceTable(db, tableId)
  const stmt = db.prepare(`SELECT ${selectList(info)} FROM "${info.dataTable}" ORDER BY _row_id`).raw(true)
  for (const r of stmt.iterate() as Iterable<unknown[]>) yield toRawRow(info, r)
}

/** Original row numbers of some rows (provenance for messages), read by row id without their values. */
export function rowNumbersOf(db: Database.Database, tableId: number, rowIds: Iterable<number>): Map<number, number> {
  const info = getSourceTable(db, tableId)
  const rows = db
    .prepare(`SELECT _row_id, _row_number FROM "${info.dataTable}" WHERE _row_id IN (SELECT value FROM json_each(?))`)
    .raw(true)
    .all(JSON.stringify([...rowIds])) as [number, number][]
  return new Map(rows)
}

/** Row counts of every imported table: used to prove a failed import changed nothing. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of listSourceTables(db)) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM "${t.dataTable}"`).get() as { n: number }
    out[`${t.fileName}#${t.name}`] = n
  }
  return out
}

export interface RowQuery {
  offset: number
  limit: number
  /** A physical column (c0..cN) or `_row_number`. */
  sort?: { column: string; direction: 'asc' | 'desc' } | undefined
  /** Case-insensitive text contained in any cell. */
  search?: string | undefined
}

/** One page of rows for a grid: sorted and searched in SQL, so memory stays flat. */
export function queryRows(db: Database.Database, tableId: number, q: RowQuery): { total: number; rows: RawRow[] } {
  const info = getSourceTable(db, tableId)
  const known = new Set(['_row_number', ...info.columns.map((c) => c.sqlName)])
  if (q.sort && !known.has(q.sort.column)) throw new ApiError('VALIDATION', `Table ${tableId} has no column ${q.sort.column}.`)
  const needle = q.search?.trim()
  const where = needle && info.columns.length ? `WHERE ${info.columns.map((c) => `instr(lower("${c.sqlName}"), @needle) > 0`).join(' OR ')}` : ''
  const params = needle ? { needle: needle.toLowerCase() } : {}
  const order = q.sort ? `"${q.sort.column}" ${q.sort.direction === 'desc' ? 'DESC' : 'ASC'}, _row_id` : '_row_id'
  const total = (db.prepare(`SELECT count(*) AS n FROM "${info.dataTable}" ${where}`).get(params) as { n: number }).n
  const rows = db
    .prepare(`SELECT ${selectList(info)} FROM "${info.dataTable}" ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .raw(true)
    .all({ ...params, limit: q.limit, offset: q.offset }) as unknown[][]
  return { total, rows: rows.map((r) => toRawRow(info, r)) }
}

/** One imported file as the contract lists it, before its tables are attached. */
export type SourceRecord = Omit<SourceEntry, 'tables'>

export function listSources(db: Database.Database): SourceRecord[] {
  return db
    .prepare(
      `SELECT id, file_name AS fileName, format, sha256, size_bytes AS sizeBytes, imported_at AS importedAt,
              previous_source_id AS previousSourceId FROM source ORDER BY id`,
    )
    .all() as SourceRecord[]
}

/** Per-table details the store's SourceTableInfo leaves out (warnings, lineage). */
export function tableExtras(db: Database.Database, tableId: number): { warnings: string[]; previousTableId: number | null } {
  const row = db.prepare('SELECT warnings_json, previous_table_id FROM source_table WHERE id = ?').get(tableId) as
    | { warnings_json: string; previous_table_id: number | null }
    | undefined
  return { warnings: row ? (JSON.parse(row.warnings_json) as string[]) : [], previousTableId: row?.previous_table_id ?? null }
}
