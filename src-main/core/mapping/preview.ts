/**
 * Preview: the first rows of one table as they will look in MODS, per dataset, with the raw
 * text beside each value and the reason when a value fails its datatype or has no code.
 */
import type Database from 'better-sqlite3'
import type { PreviewDataset, TableMapping } from '../../contract/methods/mapping'
import { readRows } from '../sources/store'
import { planTable } from './build-records'
import { rawText } from './transforms'

export function previewTable(db: Database.Database, mapping: TableMapping, limit: number): PreviewDataset[] {
  const plan = planTable(db, mapping)
  const rows = readRows(db, mapping.tableId, 0, limit)
  return plan.datasets.map((d) => ({
    dataset: d.dataset,
    elements: d.fields.map((f) => f.element.id),
    notes: d.fields.flatMap((f) => f.notes),
    rows: rows.map((row) => ({
      rowNumber: row.rowNumber,
      cells: Object.fromEntries(
        d.fields.map((f) => {
          const indexes = f.field.columns.map((c) => plan.table.columns.findIndex((col) => col.name === c))
          const raw = rawText(row, indexes) || null
          const out = f.evaluate(row)
          if (out.kind === 'value') return [f.element.id, { value: out.value, raw }]
          if (out.kind === 'empty') return [f.element.id, { value: null, raw }]
          return [f.element.id, { value: null, raw, problem: out.message }]
        }),
      ),
    })),
  }))
}
