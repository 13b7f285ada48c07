/**
 * Reading imported sources back out of the workspace. Raw rows of each imported sheet/table live
 * in their own physical table (`raw_<tableId>`) with columns `_row_id` (stable row identity),
 * `_row_number` (1-based row in the original file/sheet, for provenance) and `c0..cN` (raw text,
 * never altered). This module is the only reader of those tables; importers are the only writers.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'

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

/** Row counts of every imported table: used to prove a failed import changed nothing. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of listSourceTables(db)) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM "${t.dataTable}"`).get() as { n: number }
    out[`${t.fileName}#${t.name}`] = n
  }
  return out
}
