/**
 * Value maps for coded items: the distinct values a field produces (after its transforms), with
 * counts, the code the catalogue's synonyms suggest, and the mapping's current choice.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { TableMapping, ValueMapView } from '../../contract/methods/mapping'
import { getSourceTable, iterateRows } from '../sources/store'
import { codesOf, elementInfo, lookupCode } from './catalogue'
import { compileValueMap } from './element-value'
import { planField } from './transforms'
import { valueKey } from './values'

export function valueMapView(db: Database.Database, mapping: TableMapping, elementId: string): ValueMapView {
  const field = mapping.datasets.flatMap((d) => d.fields).find((f) => f.element === elementId)
  if (!field) throw new ApiError('VALIDATION', `No column of this sheet is mapped to ${elementInfo(elementId)?.name ?? 'that item'} yet; choose a column for it first.`)
  const plan = planField({ db, table: getSourceTable(db, mapping.tableId) }, field)
  const listId = plan.element.codeList
  if (!listId) throw new ApiError('VALIDATION', `${plan.element.name} is not a coded item.`)
  const counts = new Map<string, { value: string; count: number }>()
  for (const row of iterateRows(db, mapping.tableId)) {
    const text = plan.text(row)?.trim()
    if (!text) continue
    const key = valueKey(text)
    const entry = counts.get(key) ?? { value: text, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  const saved = compileValueMap(field.valueMap)
  return {
    element: elementId,
    codeList: listId,
    codes: codesOf(listId),
    values: [...counts.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([key, { value, count }]) => {
        const match = lookupCode(listId, value)
        return {
          value,
          count,
          suggested: match?.code ?? null,
          suggestedDisplay: match?.display ?? null,
          mapped: saved.has(key) ? saved.get(key) : undefined,
          why: match ? `'${value}' is a known spelling of ${match.display}` : 'no code in the list matches this spelling',
        }
      }),
  }
}
