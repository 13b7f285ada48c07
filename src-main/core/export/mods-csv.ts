/**
 * MODS CSV extracts: one file per dataset with records, columns record key, person key, then every
 * element of the dataset in catalogue order (a stable layout whatever was mapped), headed by element id.
 */
import type Database from 'better-sqlite3'
import { elementsOf } from '../mods'
import type { CellKind } from './csv'
import { CsvWriter } from './csv'

export interface DatasetCsv {
  dataset: string
  text: string
  rows: number
  escapedCells: number
}

function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(String).join('; ')
  return typeof value === 'string' ? value : String(value)
}

export function datasetCsvs(db: Database.Database): DatasetCsv[] {
  const datasets = db.prepare('SELECT DISTINCT dataset FROM mods_record ORDER BY dataset').pluck().all() as string[]
  return datasets.map((dataset) => {
    const elements = elementsOf(dataset)
    const kinds: CellKind[] = ['text', 'text', ...elements.map((e): CellKind => (e.datatype === 'number' ? 'number' : 'text'))]
    const csv = new CsvWriter(kinds).header(['record_key', 'person_key', ...elements.map((e) => e.id)])
    const rows = db.prepare('SELECT record_key, person_key, values_json FROM mods_record WHERE dataset = ? ORDER BY id').iterate(dataset) as Iterable<{
      record_key: string
      person_key: string | null
      values_json: string
    }>
    for (const r of rows) {
      const values = JSON.parse(r.values_json) as Record<string, unknown>
      csv.row([r.record_key, r.person_key, ...elements.map((e) => cell(values[e.id]))])
    }
    return { dataset, text: csv.toString(), rows: csv.rows, escapedCells: csv.escapedCells }
  })
}
