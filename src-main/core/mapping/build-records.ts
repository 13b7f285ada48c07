/**
 * Turns source rows into MODS records (in memory) following the saved mapping: one record per
 * row and dataset, the person dataset keyed by the person key so several sheets can feed one
 * person. Each value keeps its lineage (table, row, column); each failure becomes a problem.
 */
import type Database from 'better-sqlite3'
import type { TableMapping } from '../../contract/methods/mapping'
import type { JobControl } from '../api/session'
import { getSourceTable, iterateRows } from '../sources/store'
import type { RawRow, SourceTableInfo } from '../sources/store'
import { columnIndex, planField } from './transforms'
import type { FieldPlan } from './transforms'

export interface Lineage {
  tableId: number
  rowId: number
  column: string | null
}

export interface TargetRecord {
  dataset: string
  recordKey: string
  personKey: string | null
  tableId: number
  rowId: number
  values: Record<string, string>
  lineage: Record<string, Lineage>
}

export interface Problem {
  kind: 'orphan' | 'unmapped-value' | 'invalid-value' | 'repeated-key'
  dataset: string
  recordKey: string
  element: string | null
  tableId: number | null
  rowId: number | null
  column: string | null
  value: string | null
  message: string
}

export interface DatasetPlan {
  dataset: string
  fields: FieldPlan[]
}

export interface TablePlan {
  table: SourceTableInfo
  personKeyIndex: number | null
  datasets: DatasetPlan[]
}

export function planTable(db: Database.Database, mapping: TableMapping): TablePlan {
  const table = getSourceTable(db, mapping.tableId)
  const ctx = { db, table }
  return {
    table,
    personKeyIndex: mapping.personKey ? columnIndex(table, mapping.personKey) : null,
    datasets: mapping.datasets.map((d) => ({ dataset: d.dataset, fields: d.fields.map((f) => planField(ctx, f)) })),
  }
}

/** Person keys are compared trimmed and upper-case ('r0001 ' is 'R0001'). */
export function personKeyOf(row: RawRow, index: number | null): string | null {
  if (index === null) return null
  const v = row.values[index]?.trim().toUpperCase()
  return v ? v : null
}

export function recordKeyOf(dataset: string, plan: TablePlan, row: RawRow, personKey: string | null): string {
  return dataset === 'person' && personKey ? personKey : `t${plan.table.id}r${row.rowId}`
}

export interface RowRecord {
  record: TargetRecord
  problems: Problem[]
}

/** One row's record for one dataset; null when every mapped field is blank. */
export function buildRecord(plan: TablePlan, d: DatasetPlan, row: RawRow): RowRecord | null {
  const personKey = personKeyOf(row, plan.personKeyIndex)
  const recordKey = recordKeyOf(d.dataset, plan, row, personKey)
  const record: TargetRecord = { dataset: d.dataset, recordKey, personKey, tableId: plan.table.id, rowId: row.rowId, values: {}, lineage: {} }
  const problems: Problem[] = []
  let touched = false
  for (const f of d.fields) {
    const out = f.evaluate(row)
    if (out.kind === 'empty') continue
    const isConstant = f.lineageColumn === null
    if (!isConstant) touched = true
    if (out.kind === 'value') {
      record.values[f.element.id] = out.value
      record.lineage[f.element.id] = { tableId: plan.table.id, rowId: row.rowId, column: f.lineageColumn }
    } else {
      problems.push({ kind: out.kind, dataset: d.dataset, recordKey, element: f.element.id, tableId: plan.table.id, rowId: row.rowId, column: f.lineageColumn, value: out.raw, message: out.message })
    }
  }
  return touched ? { record, problems } : null
}

function mergeInto(existing: TargetRecord, incoming: TargetRecord): void {
  // Several sheets can feed one person: the first sheet's value for an element wins.
  for (const [element, value] of Object.entries(incoming.values)) {
    if (element in existing.values) continue
    existing.values[element] = value
    existing.lineage[element] = incoming.lineage[element]!
  }
}

export interface BuildResult {
  records: Map<string, TargetRecord>
  problems: Problem[]
}

/**
 * A second row of the same sheet with a person key already used there: two people (or one person
 * twice) under one ID. Its values are never mixed into the first row's record; it is left out and
 * reported with both rows, so nobody silently disappears.
 */
function repeatedKey(first: { rowNumber: number }, plan: TablePlan, row: RawRow, record: TargetRecord): Problem {
  const column = plan.personKeyIndex === null ? null : (plan.table.columns[plan.personKeyIndex]?.name ?? null)
  const value = plan.personKeyIndex === null ? record.personKey : (row.values[plan.personKeyIndex] ?? null)
  return {
    kind: 'repeated-key', dataset: record.dataset, recordKey: record.recordKey, element: null, tableId: plan.table.id, rowId: row.rowId, column, value,
    message: `Its ID is already used by row ${first.rowNumber} of the same sheet (IDs are compared ignoring case and spaces).`,
  }
}

export function buildAll(plans: TablePlan[], db: Database.Database, job?: JobControl): BuildResult {
  const records = new Map<string, TargetRecord>()
  const firstRows = new Map<string, { rowNumber: number }>()
  const problems: Problem[] = []
  let rows = 0
  for (const plan of plans) {
    for (const row of iterateRows(db, plan.table.id)) {
      if (++rows % 5000 === 0) {
        job?.throwIfCancelled()
        job?.progress('Mapping rows', null, { rows })
      }
      for (const d of plan.datasets) {
        const built = buildRecord(plan, d, row)
        if (!built) continue
        const id = `${built.record.dataset}\u0000${built.record.recordKey}`
        const existing = records.get(id)
        const first = firstRows.get(`${plan.table.id}\u0000${id}`)
        if (first) {
          problems.push(repeatedKey(first, plan, row, built.record))
          continue
        }
        firstRows.set(`${plan.table.id}\u0000${id}`, { rowNumber: row.rowNumber })
        problems.push(...built.problems)
        if (existing) mergeInto(existing, built.record)
        else records.set(id, built.record)
      }
    }
  }
  return { records, problems }
}
