/**
 * Stable row identity across newer exports of the same source (docs/importing.md). A row whose
 * key (e.g. "Resident ID") was in the previous version keeps that version's `_row_id`; a new key
 * gets an id above every id ever issued in the lineage, so ids of removed rows are never reused.
 * Repeated keys pair up in file order; blank keys always count as new rows.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { TableChanges } from './types'

export interface PreviousTable {
  id: number
  dataTable: string
  lastRowId: number
  columns: { name: string; sqlName: string }[]
}

export function previousTable(db: Database.Database, previousSourceId: number, name: string, onlyTable: boolean): PreviousTable | null {
  const tables = db
    .prepare('SELECT id, name, data_table, last_row_id FROM source_table WHERE source_id = ? ORDER BY id')
    .all(previousSourceId) as { id: number; name: string; data_table: string; last_row_id: number }[]
  const match = tables.find((t) => t.name === name) ?? (onlyTable && tables.length === 1 ? tables[0] : undefined)
  if (!match) return null
  const columns = db.prepare('SELECT name, sql_name AS sqlName FROM source_column WHERE table_id = ? ORDER BY ordinal').all(match.id) as PreviousTable['columns']
  const maxId = (db.prepare(`SELECT max(_row_id) AS m FROM "${match.data_table}"`).get() as { m: number | null }).m ?? 0
  return { id: match.id, dataTable: match.data_table, lastRowId: Math.max(match.last_row_id, maxId), columns }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

export function keyOrdinal(columns: string[], keyColumn: string, where: string): number {
  const i = columns.findIndex((c) => sameName(c, keyColumn))
  if (i < 0) throw new ApiError('IMPORT_REJECTED', `${where} has no column called "${keyColumn}" to identify rows by.`, { file: where })
  return i
}

export class RowIdentity {
  private readonly byKey = new Map<string, number[]>()
  private readonly seen = new Set<string>()
  private next: number
  repeatedKeys = 0
  blankKeys = 0

  constructor(db: Database.Database | null, previous: PreviousTable | null, keyColumn: string) {
    this.next = (previous?.lastRowId ?? 0) + 1
    if (!db || !previous) return
    const sqlName = previous.columns.find((c) => sameName(c.name, keyColumn))?.sqlName
    if (!sqlName) return
    const rows = db.prepare(`SELECT _row_id, "${sqlName}" FROM "${previous.dataTable}" ORDER BY _row_id`).raw(true).iterate() as Iterable<[number, string | null]>
    for (const [id, key] of rows) {
      if (key === null || key.trim() === '') continue
      const k = key.trim()
      const ids = this.byKey.get(k)
      if (ids) ids.push(id)
      else this.byKey.set(k, [id])
    }
  }

  /** The id for a row with this key; each previous id is handed out at most once. */
  idFor(key: string | null | undefined): number {
    const k = key?.trim()
    if (!k) {
      this.blankKeys++
      return this.next++
    }
    if (this.seen.has(k)) this.repeatedKeys++
    else this.seen.add(k)
    return this.byKey.get(k)?.shift() ?? this.next++
  }

  get lastRowId(): number {
    return this.next - 1
  }
}

/** SQLite caps expression depth at 1000, so wide tables are compared in column groups. */
const compareGroup = 200

export function diffTables(db: Database.Database, dataTable: string, columns: string[], previous: PreviousTable): TableChanges {
  const shared = columns
    .map((name, i) => ({ name, now: `c${i}`, before: previous.columns.find((c) => sameName(c.name, name))?.sqlName }))
    .filter((c): c is { name: string; now: string; before: string } => c.before !== undefined)
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  const matched = count(`SELECT count(*) AS n FROM "${dataTable}" n JOIN "${previous.dataTable}" p ON p._row_id = n._row_id`)
  const total = count(`SELECT count(*) AS n FROM "${dataTable}"`)
  const before = count(`SELECT count(*) AS n FROM "${previous.dataTable}"`)
  const groups: string[] = []
  for (let i = 0; i < shared.length; i += compareGroup) {
    const test = shared.slice(i, i + compareGroup).map((c) => `n."${c.now}" IS NOT p."${c.before}"`).join(' OR ')
    groups.push(`SELECT n._row_id FROM "${dataTable}" n JOIN "${previous.dataTable}" p ON p._row_id = n._row_id WHERE ${test}`)
  }
  const changed = groups.length ? count(`SELECT count(*) AS n FROM (${groups.join(' UNION ')})`) : 0
  return {
    previousTableId: previous.id,
    added: total - matched,
    changed,
    removed: before - matched,
    unchanged: matched - changed,
    columnsAdded: columns.filter((c) => !previous.columns.some((p) => sameName(p.name, c))),
    columnsRemoved: previous.columns.filter((p) => !columns.some((c) => sameName(p.name, c))).map((p) => p.name),
  }
}
