/** Every quality issue (open, waived and fixed) with its record and source cell, as spreadsheet-safe CSV. */
import type Database from 'better-sqlite3'
import { iterateIssues, loadRules, shippedQualityCatalogue } from '../quality'
import { CsvWriter } from './csv'

export const issueColumns = [
  'issue_id', 'severity', 'rule_id', 'status', 'dataset', 'record_key', 'element_id', 'item',
  'file', 'sheet', 'row_number', 'row_id', 'column', 'value', 'message', 'suggested_fix',
] as const

export function writeIssuesCsv(db: Database.Database): { text: string; rows: number; escapedCells: number } {
  const catalogue = shippedQualityCatalogue()
  const csv = new CsvWriter().header(issueColumns)
  for (const i of iterateIssues(db, loadRules(), (id) => catalogue.element(id)?.name ?? null, { allStatuses: true })) {
    const s = i.source
    csv.row([
      String(i.id), i.severity, i.ruleId, i.status, i.dataset, i.recordKey, i.elementId, i.item,
      s?.file, s?.sheet ?? s?.table, s?.rowNumber?.toString(), s?.rowId.toString(), s?.column, i.value, i.message, i.fix,
    ])
  }
  return { text: csv.toString(), rows: csv.rows, escapedCells: csv.escapedCells }
}
