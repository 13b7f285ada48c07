/**
 * Test fixtures shared by the profile, quality and export tests: a temp workspace, a raw source
 * table written the way the importer lays it out (0001 schema), and MODS records inserted directly.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createWorkspace } from '../../../src-main/core/workspace'
import type { Workspace } from '../../../src-main/core/workspace'

export function tempWorkspace(name = 'test'): { ws: Workspace; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-ws-'))
  return { ws: createWorkspace(path.join(dir, `${name}.modsws`), name), dir }
}

/** Inserts one imported table; data rows are numbered from `firstRowNumber` (the header is the row before). */
export function addSourceTable(ws: Workspace, sheet: string, headers: string[], rows: (string | null)[][], firstRowNumber = 2): number {
  const db = ws.db
  const sourceId =
    (db.prepare(`SELECT id FROM source WHERE file_name = 'legacy.xlsx'`).pluck().get() as number | undefined) ??
    Number(
      db
        .prepare(`INSERT INTO source (file_name, format, sha256, size_bytes, imported_at) VALUES ('legacy.xlsx', 'xlsx', 'x', 1, '2025-11-03')`)
        .run().lastInsertRowid,
    )
  const tableId = Number(
    db.prepare(`INSERT INTO source_table (source_id, name, sheet, data_table, header_row, row_count) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(sourceId, sheet, sheet, `raw_tmp_${sheet.replace(/\W/g, '')}`, firstRowNumber - 1, rows.length).lastInsertRowid,
  )
  const dataTable = `raw_${tableId}`
  db.prepare('UPDATE source_table SET data_table = ? WHERE id = ?').run(dataTable, tableId)
  headers.forEach((h, i) => db.prepare('INSERT INTO source_column (table_id, ordinal, name, sql_name) VALUES (?, ?, ?, ?)').run(tableId, i, h, `c${i}`))
  db.exec(`CREATE TABLE "${dataTable}" (_row_id INTEGER PRIMARY KEY, _row_number INTEGER NOT NULL, ${headers.map((_, i) => `c${i} TEXT`).join(', ')})`)
  const insert = db.prepare(`INSERT INTO "${dataTable}" VALUES (${['?', '?', ...headers.map(() => '?')].join(', ')})`)
  rows.forEach((r, i) => insert.run(i + 1, firstRowNumber + i, ...headers.map((_, c) => r[c] ?? null)))
  return tableId
}

export interface RecordInput {
  dataset: string
  key: string
  personKey?: string | null
  tableId?: number
  rowId?: number
  values: Record<string, unknown>
  /** element -> source column name; each maps to (tableId, rowId). */
  columns?: Record<string, string>
}

export function addRecord(ws: Workspace, r: RecordInput): number {
  const lineage = Object.fromEntries(
    Object.entries(r.columns ?? {}).map(([element, column]) => [element, { tableId: r.tableId, rowId: r.rowId, column }]),
  )
  return Number(
    ws.db
      .prepare(
        `INSERT INTO mods_record (dataset, record_key, person_key, source_table_id, source_row_id, values_json, lineage_json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.dataset, r.key, r.personKey === undefined ? r.key : r.personKey, r.tableId ?? null, r.rowId ?? null, JSON.stringify(r.values), JSON.stringify(lineage))
      .lastInsertRowid,
  )
}
