/**
 * Column-centred edits of a table's mapping: the screen shows one row per source column, while the
 * saved document groups fields by dataset. These pure helpers translate between the two.
 */
import type { FieldMapping, Mapping, TableMapping, Transform, ValueMap } from '../../../../src-main/contract'

export interface ColumnAssignment {
  dataset: string
  field: FieldMapping
}

/** Every field each source column feeds, in document order (a full name may feed family and given name). */
export function columnFields(table: TableMapping): Map<string, ColumnAssignment[]> {
  const result = new Map<string, ColumnAssignment[]>()
  for (const ds of table.datasets) {
    for (const field of ds.fields) for (const column of field.columns) result.set(column, [...(result.get(column) ?? []), { dataset: ds.dataset, field }])
  }
  return result
}

/** The first field each source column feeds: the one its item picker shows. */
export function columnAssignments(table: TableMapping): Map<string, ColumnAssignment> {
  return new Map([...columnFields(table)].map(([column, fields]) => [column, fields[0]!]))
}

/** Fields with no source column: a fixed value for every row. */
export function fixedFields(table: TableMapping): ColumnAssignment[] {
  return table.datasets.flatMap((ds) => ds.fields.filter((f) => f.columns.length === 0).map((field) => ({ dataset: ds.dataset, field })))
}

const keepsField = (f: FieldMapping) => f.columns.length > 0 || f.transforms.some((t) => t.op === 'constant')

function mapFields(table: TableMapping, edit: (f: FieldMapping) => FieldMapping | null): TableMapping {
  return {
    ...table,
    datasets: table.datasets
      .map((ds) => ({ ...ds, fields: ds.fields.flatMap((f) => edit(f) ?? []) }))
      .filter((ds) => ds.fields.length > 0),
  }
}

function withoutColumn(table: TableMapping, column: string, onlyElement?: string): TableMapping {
  return mapFields(table, (f) => {
    if (onlyElement !== undefined && f.element !== onlyElement) return f
    const next = { ...f, columns: f.columns.filter((c) => c !== column) }
    return keepsField(next) ? next : null
  })
}

export function removeField(table: TableMapping, element: string): TableMapping {
  return mapFields(table, (f) => (f.element === element ? null : f))
}

/** Adds `field` to `dataset`, replacing the field of the same item (or of `replacing`) wherever it was. */
export function putField(table: TableMapping, dataset: string, field: FieldMapping, replacing?: string): TableMapping {
  const old = replacing ?? field.element
  const position = table.datasets.find((ds) => ds.dataset === dataset)?.fields.findIndex((f) => f.element === old) ?? -1
  const cleared = removeField(removeField(table, old), field.element)
  const existing = cleared.datasets.find((ds) => ds.dataset === dataset)
  if (!existing) return { ...cleared, datasets: [...cleared.datasets, { dataset, fields: [field] }] }
  const fields = [...existing.fields]
  fields.splice(position < 0 ? fields.length : position, 0, field)
  return { ...cleared, datasets: cleared.datasets.map((ds) => (ds === existing ? { ...ds, fields } : ds)) }
}

/**
 * Points `column`'s item picker at `element` (in `dataset`); other items fed by the same column
 * stay. Null unmaps the column from every item.
 */
export function assignColumn(
  table: TableMapping,
  column: string,
  target: { element: string; dataset: string; transforms?: Transform[] } | null,
): TableMapping {
  if (!target) return withoutColumn(table, column)
  const primary = columnAssignments(table).get(column)
  const cleared = primary ? withoutColumn(table, column, primary.field.element) : table
  return putField(cleared, target.dataset, { element: target.element, columns: [column], transforms: target.transforms ?? [] })
}

export function setValueMap(table: TableMapping, element: string, valueMap: ValueMap): TableMapping {
  return mapFields(table, (f) => (f.element === element ? { ...f, valueMap } : f))
}

export function replaceTable(mapping: Mapping, table: TableMapping): Mapping {
  const others = mapping.tables.filter((t) => t.tableId !== table.tableId)
  return { tables: [...others, table].sort((a, b) => a.tableId - b.tableId) }
}

export function tableOf(mapping: Mapping, tableId: number): TableMapping | undefined {
  return mapping.tables.find((t) => t.tableId === tableId)
}
