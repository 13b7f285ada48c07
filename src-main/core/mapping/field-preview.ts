/**
 * One field, saved or not, run over a table: what the transform editor shows while the user
 * composes the pipeline. Sample rows show the sheet text, the text after the transforms and the
 * MODS value (or why there is none); counts and the date resolver's decision cover every row.
 */
import type Database from 'better-sqlite3'
import type { FieldMapping, FieldPreview, FieldPreviewRow } from '../../contract/methods/mapping'
import { getSourceTable, iterateRows } from '../sources/store'
import type { RawRow } from '../sources/store'
import type { FieldPlan } from './transforms'
import { columnIndex, planField, rawText } from './transforms'

const problemSampleSize = 5

function previewRow(plan: FieldPlan, row: RawRow, indexes: number[]): { row: FieldPreviewRow; kind: 'value' | 'empty' | 'unmapped' | 'invalid' } {
  const base = { rowNumber: row.rowNumber, raw: rawText(row, indexes) || null, text: plan.text(row) }
  const out = plan.evaluate(row)
  if (out.kind === 'value') return { row: { ...base, value: out.value }, kind: 'value' }
  if (out.kind === 'empty') return { row: { ...base, value: null }, kind: 'empty' }
  return { row: { ...base, value: null, problem: out.message }, kind: out.kind === 'unmapped-value' ? 'unmapped' : 'invalid' }
}

export function previewField(db: Database.Database, tableId: number, field: FieldMapping, limit: number): FieldPreview {
  const table = getSourceTable(db, tableId)
  const plan = planField({ db, table }, field)
  const indexes = field.columns.map((c) => columnIndex(table, c))
  const counts = { rows: 0, values: 0, empty: 0, unmapped: 0, invalid: 0 }
  const rows: FieldPreviewRow[] = []
  const problemRows: FieldPreviewRow[] = []
  for (const raw of iterateRows(db, tableId)) {
    counts.rows++
    const { row, kind } = previewRow(plan, raw, indexes)
    if (kind === 'value') counts.values++
    else if (kind === 'empty') counts.empty++
    else counts[kind]++
    // Rows with something in the source say more than blank ones; a constant has no source.
    const worthShowing = row.raw !== null || indexes.length === 0
    if (worthShowing && rows.length < limit) rows.push(row)
    else if (row.problem && problemRows.length < problemSampleSize) problemRows.push(row)
  }
  return {
    element: field.element,
    counts,
    rows,
    problemRows,
    notes: plan.notes,
    dates: plan.dates.map((d) => ({ order: d.order, reasoning: d.reasoning, counts: d.counts, unparseableExamples: d.unparseableExamples })),
  }
}
