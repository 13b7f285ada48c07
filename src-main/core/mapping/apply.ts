/**
 * Applying the saved mapping into `mods_record`, in one transaction. Incremental: each record's
 * content hash is kept (mapping_record_state), so only records whose inputs or mapping changed are
 * rewritten, records no longer produced are removed, and later edits of unchanged records survive.
 * Problems of this run (orphans, unmapped codes, invalid values) replace the previous run's.
 */
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { ApplyResult, ProblemCount } from '../../contract/methods/mapping'
import type { JobControl } from '../api/session'
import type { AuditActor } from '../workspace'
import { appendAudit } from '../workspace'
import { buildAll, planTable } from './build-records'
import type { Problem, TargetRecord } from './build-records'
import { catalogueView } from './catalogue'
import { getMapping } from './mapping-store'

type DatasetCounts = ApplyResult['datasets'][string]

function recordHash(r: TargetRecord): string {
  const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
  const canonical = JSON.stringify([r.personKey, r.tableId, r.rowId, sorted(r.values), sorted(r.lineage)])
  return createHash('sha256').update(canonical).digest('hex')
}

interface ExistingRecord {
  id: number
  dataset: string
  record_key: string
  hash: string | null
}

function writeRecords(db: Database.Database, records: Map<string, TargetRecord>): Record<string, DatasetCounts> {
  const counts: Record<string, DatasetCounts> = {}
  const count = (dataset: string) => (counts[dataset] ??= { records: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0 })
  const existing = new Map<string, ExistingRecord>()
  const rows = db.prepare('SELECT r.id, r.dataset, r.record_key, s.hash FROM mods_record r LEFT JOIN mapping_record_state s ON s.record_id = r.id').all() as ExistingRecord[]
  for (const row of rows) existing.set(`${row.dataset}\u0000${row.record_key}`, row)
  const insert = db.prepare(`INSERT INTO mods_record (dataset, record_key, person_key, source_table_id, source_row_id, values_json, lineage_json) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const update = db.prepare('UPDATE mods_record SET person_key = ?, source_table_id = ?, source_row_id = ?, values_json = ?, lineage_json = ? WHERE id = ?')
  const setState = db.prepare('INSERT INTO mapping_record_state (record_id, hash) VALUES (?, ?) ON CONFLICT (record_id) DO UPDATE SET hash = excluded.hash')
  const remove = db.prepare('DELETE FROM mods_record WHERE id = ?')
  for (const [id, r] of records) {
    const c = count(r.dataset)
    c.records++
    const hash = recordHash(r)
    const old = existing.get(id)
    existing.delete(id)
    const args = [r.personKey, r.tableId, r.rowId, JSON.stringify(r.values), JSON.stringify(r.lineage)] as const
    if (old?.hash === hash) c.unchanged++
    else if (old) {
      update.run(...args, old.id)
      setState.run(old.id, hash)
      c.updated++
    } else {
      const newId = Number(insert.run(r.dataset, r.recordKey, ...args).lastInsertRowid)
      setState.run(newId, hash)
      c.inserted++
    }
  }
  // Records this mapping made before but no longer produces; records made elsewhere are left alone.
  for (const old of existing.values()) {
    if (old.hash === null) continue
    remove.run(old.id)
    count(old.dataset).deleted++
  }
  return counts
}

function orphans(db: Database.Database): Problem[] {
  const personLinked = catalogueView().personLinked
  const people = new Set((db.prepare("SELECT record_key FROM mods_record WHERE dataset = 'person'").all() as { record_key: string }[]).map((r) => r.record_key))
  const rows = db.prepare("SELECT dataset, record_key, person_key, source_table_id, source_row_id FROM mods_record WHERE dataset <> 'person'").all() as {
    dataset: string
    record_key: string
    person_key: string | null
    source_table_id: number | null
    source_row_id: number | null
  }[]
  return rows
    .filter((r) => personLinked.get(r.dataset) !== false && (r.person_key === null || !people.has(r.person_key)))
    .map((r) => ({
      kind: 'orphan' as const,
      dataset: r.dataset,
      recordKey: r.record_key,
      element: null,
      tableId: r.source_table_id,
      rowId: r.source_row_id,
      column: null,
      value: r.person_key,
      message: r.person_key ? `No person has the key '${r.person_key}'.` : 'The row has no person key.',
    }))
}

function storeProblems(db: Database.Database, problems: Problem[]): void {
  db.prepare('DELETE FROM mapping_problem').run()
  const insert = db.prepare(`INSERT INTO mapping_problem (kind, dataset, record_key, element_id, source_table_id, source_row_id, source_column, value, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const p of problems) insert.run(p.kind, p.dataset, p.recordKey, p.element, p.tableId, p.rowId, p.column, p.value, p.message)
}

export function problemCounts(db: Database.Database): ProblemCount[] {
  return db
    .prepare(`SELECT kind, dataset, element_id AS element, CASE WHEN kind = 'unmapped-value' THEN value END AS value, count(*) AS count
      FROM mapping_problem GROUP BY kind, dataset, element_id, 4 ORDER BY kind, dataset, element_id, count DESC`)
    .all() as ProblemCount[]
}

/**
 * `rebuild`: called because the sources changed (a file was removed), not by the user; with no
 * mapping left it empties the records instead of refusing.
 */
export function applyMapping(db: Database.Database, actor: AuditActor, job?: JobControl, rebuild = false): ApplyResult {
  const mapping = getMapping(db)
  if (mapping.tables.length === 0 && !rebuild) throw new ApiError('VALIDATION', 'There is no saved mapping to apply yet.')
  const plans = mapping.tables.map((t) => planTable(db, t))
  return db.transaction(() => {
    job?.progress('Mapping rows', 0)
    const { records, problems } = buildAll(plans, db, job)
    job?.throwIfCancelled()
    job?.progress('Writing MODS records', 0.8)
    const datasets = writeRecords(db, records)
    const all = [...problems, ...orphans(db)]
    storeProblems(db, all)
    const tally = (kind: Problem['kind']) => all.filter((p) => p.kind === kind).length
    const result: ApplyResult = { datasets, orphans: tally('orphan'), unmappedValues: tally('unmapped-value'), invalidValues: tally('invalid-value'), repeatedKeys: tally('repeated-key'), problems: problemCounts(db) }
    appendAudit(db, actor, {
      action: 'mapping.applied',
      details: { datasets, orphans: result.orphans, unmappedValues: result.unmappedValues, invalidValues: result.invalidValues, repeatedKeys: result.repeatedKeys, tables: plans.map((p) => p.table.id) },
    })
    job?.progress('Writing MODS records', 1)
    return result
  })()
}
