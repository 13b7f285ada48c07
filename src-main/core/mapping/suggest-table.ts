/**
 * Suggestions for a whole imported table. Values are sampled (about 1,000 rows spread across the
 * table) so a 100,000-row sheet costs the same as a small one. The sheet's dataset comes from its
 * name, or else from what most of its columns look like.
 */
import type Database from 'better-sqlite3'
import type { ColumnSuggestions, TableSuggestions } from '../../contract/methods/mapping'
import { getSourceTable, readRows } from '../sources/store'
import type { SourceTableInfo } from '../sources/store'
import { detect } from './detect'
import type { ColumnEvidence } from './detect'
import { headerTokens } from './header'
import { datasetOfSheetName } from './lexicon'
import { recallHeader } from './memory'
import { choosePersonKey, mapThreshold, suggestColumn } from './suggest'

const sampleRows = 1000
const sampleChunks = 10

/** Column-wise sample of a table's raw values. */
export function sampleColumns(db: Database.Database, info: SourceTableInfo, rows = sampleRows): (string | null)[][] {
  const columns: (string | null)[][] = info.columns.map(() => [])
  const chunks =
    info.rowCount <= rows
      ? [{ offset: 0, limit: Math.max(rows, info.rowCount) }]
      : Array.from({ length: sampleChunks }, (_, i) => ({ offset: Math.floor((i * info.rowCount) / sampleChunks), limit: rows / sampleChunks }))
  for (const { offset, limit } of chunks) {
    for (const row of readRows(db, info.id, offset, limit)) row.values.forEach((v, i) => columns[i]?.push(v))
  }
  return columns
}

const linkElements = new Set(['subject-of-care.local-identifier', 'subject-of-care.nhs-number'])

function votedDataset(columns: ColumnSuggestions[]): string | null {
  const votes = new Map<string, number>()
  let total = 0
  for (const c of columns) {
    const top = c.suggestions[0]
    if (!top || top.confidence < mapThreshold || linkElements.has(top.item)) continue
    total++
    votes.set(top.dataset, (votes.get(top.dataset) ?? 0) + 1)
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1])
  return best && best[1] * 2 > total ? best[0] : null
}

/** Leading tokens shared by most headers of a sheet: a vendor's prefix, not part of any name. */
export function sharedPrefix(headers: string[]): string[] {
  const lists = headers.map(headerTokens).filter((t) => t.length > 1)
  if (lists.length < 3) return []
  const counts = new Map<string, number>()
  for (const t of lists) for (let n = 1; n < t.length; n++) counts.set(t.slice(0, n).join(' '), (counts.get(t.slice(0, n).join(' ')) ?? 0) + 1)
  const [best] = [...counts.entries()].filter(([, n]) => n >= 0.6 * headers.length).sort((a, b) => b[0].length - a[0].length)
  return best ? best[0].split(' ') : []
}

export function suggestFromEvidence(db: Database.Database, tableName: string, headers: string[], evidence: ColumnEvidence[]): Omit<TableSuggestions, 'tableId'> {
  const memory = headers.map((h) => recallHeader(db, h))
  const prefix = sharedPrefix(headers)
  const run = (dataset: string | null) => headers.map((h, i) => suggestColumn(h, evidence[i]!, { dataset, memory: memory[i]!, sharedPrefix: prefix }))
  let dataset = datasetOfSheetName(tableName)
  let columns = run(dataset)
  if (!dataset) {
    dataset = votedDataset(columns)
    if (dataset) columns = run(dataset)
  }
  return { table: tableName, dataset, personKey: choosePersonKey(columns, evidence, dataset), columns }
}

export function suggestTable(db: Database.Database, tableId: number): TableSuggestions {
  const info = getSourceTable(db, tableId)
  const evidence = sampleColumns(db, info).map(detect)
  return { tableId, ...suggestFromEvidence(db, info.name, info.columns.map((c) => c.name), evidence) }
}
