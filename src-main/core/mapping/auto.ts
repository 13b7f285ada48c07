/**
 * A draft mapping from the confident top suggestions: each column goes to its best item (a full
 * name to both family and given name), the link column becomes the person key, and a sheet that
 * is not about people feeds only its own dataset (its person columns are there to link rows).
 */
import type Database from 'better-sqlite3'
import type { DatasetMapping, FieldMapping, Mapping, Suggestion, TableMapping, TableSuggestions } from '../../contract/methods/mapping'
import { mapThreshold } from './suggest'
import { suggestTable } from './suggest-table'

const linkElements = new Set(['subject-of-care.local-identifier', 'subject-of-care.nhs-number'])

function chosen(s: TableSuggestions, threshold: number): { column: string; suggestion: Suggestion }[] {
  const sheetDataset = s.dataset ?? 'person'
  return s.columns.flatMap((c) => {
    const [top, second] = c.suggestions
    if (!top || top.confidence < threshold) return []
    if (sheetDataset !== 'person' && top.dataset !== sheetDataset && !linkElements.has(top.item)) return []
    const picks = [top]
    // A split full name fills both its parts from one column.
    if (top.transforms?.some((t) => t.op === 'split-name') && second?.transforms?.some((t) => t.op === 'split-name')) picks.push(second)
    return picks.map((suggestion) => ({ column: c.column, suggestion }))
  })
}

export function tableMappingFromSuggestions(s: TableSuggestions, threshold = mapThreshold): TableMapping {
  const best = new Map<string, { column: string; suggestion: Suggestion }>()
  for (const pick of chosen(s, threshold)) {
    const known = best.get(pick.suggestion.item)
    if (!known || known.suggestion.confidence < pick.suggestion.confidence) best.set(pick.suggestion.item, pick)
  }
  const datasets = new Map<string, FieldMapping[]>()
  for (const { column, suggestion } of best.values()) {
    if (s.dataset && s.dataset !== 'person' && linkElements.has(suggestion.item)) continue
    const fields = datasets.get(suggestion.dataset) ?? []
    fields.push({ element: suggestion.item, columns: [column], transforms: suggestion.transforms ?? [] })
    datasets.set(suggestion.dataset, fields)
  }
  const list: DatasetMapping[] = [...datasets.entries()].map(([dataset, fields]) => ({ dataset, fields }))
  return { tableId: s.tableId, personKey: s.personKey, datasets: list }
}

export function autoMapping(db: Database.Database, tableIds: number[], threshold = mapThreshold): Mapping {
  return { tables: tableIds.map((id) => tableMappingFromSuggestions(suggestTable(db, id), threshold)) }
}
