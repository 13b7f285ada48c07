/**
 * Column-centred edits of a table's mapping: the screen shows one row per source column, while the
 * saved document groups fields by dataset. These pure helpers translate between the two.
 */
import type { FieldMapping, Mapping, TableMapping, Transform, ValueMap } from '../../../../src-main/contract'

export interface ColumnAssignment {
  dataset: string
  field: FieldMapping
}

/** Which field (if any) each source column feeds. */
export function columnAssignments(table: TableMapping): Map<string, ColumnAssignment> {
  const result = new Map<string, ColumnAssignment>()
  for (const ds of table.datasets) {
    for (const field of ds.fields) for (const column of field.columns) result.set(column, { dataset: ds.dataset, field })
  }
  return result
}

function withoutColumn(table: TableMapping, column: string): TableMapping {
  return {
    ...table,
    datasets: table.datasets
      .map((ds) => ({
        ...ds,
        fields: ds.fields
          .map((f) => ({ ...f, columns: f.columns.filter((c) => c !== column) }))
          .filter((f) => f.columns.length > 0 || f.transforms.some((t) => t.op === 'constant')),
      }))
      .filter((ds) => ds.fields.length > 0),
  }
}

/** Points `column` at `element` (in `dataset`), or unmaps it when element is null. */
export function assignColumn(
  table: TableMapping,
  column: string,
  target: { element: string; dataset: string; transforms?: Transform[] } | null,
): TableMapping {
  const cleared = withoutColumn(table, column)
  if (!target) return cleared
  const field: FieldMapping = { element: target.element, columns: [column], transforms: target.transforms ?? [] }
  const existing = cleared.datasets.find((ds) => ds.dataset === target.dataset)
  const datasets = existing
    ? cleared.datasets.map((ds) => (ds === existing ? { ...ds, fields: [...ds.fields.filter((f) => f.element !== target.element), field] } : ds))
    : [...cleared.datasets, { dataset: target.dataset, fields: [field] }]
  return { ...cleared, datasets }
}

export function setValueMap(table: TableMapping, element: string, valueMap: ValueMap): TableMapping {
  return {
    ...table,
    datasets: table.datasets.map((ds) => ({ ...ds, fields: ds.fields.map((f) => (f.element === element ? { ...f, valueMap } : f)) })),
  }
}

export function replaceTable(mapping: Mapping, table: TableMapping): Mapping {
  const others = mapping.tables.filter((t) => t.tableId !== table.tableId)
  return { tables: [...others, table].sort((a, b) => a.tableId - b.tableId) }
}

export function tableOf(mapping: Mapping, tableId: number): TableMapping | undefined {
  return mapping.tables.find((t) => t.tableId === tableId)
}
