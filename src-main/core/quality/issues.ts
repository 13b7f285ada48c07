/** Reading stored issues: the summary by severity and rule, and pages of issues with their source rows. */
import type Database from 'better-sqlite3'
import { checksAreCurrent } from './freshness'
import type { IssuePage, QualityIssue, QualitySummary, Severity } from '../../contract/methods/quality'
import { listSourceTables } from '../sources/store'
import type { Rule } from './rule-schema'

const severityOrder = `CASE q.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`

export function summarise(db: Database.Database, rules: readonly Rule[]): QualitySummary {
  const titles = new Map(rules.map((r) => [r.id, r.title]))
  const byRule = (
    db
      .prepare(
        `SELECT q.rule_id AS ruleId, q.severity AS severity, count(*) AS count FROM quality_issue q
         WHERE q.status = 'open' GROUP BY q.rule_id, q.severity ORDER BY ${severityOrder}, count DESC, q.rule_id`,
      )
      .all() as { ruleId: string; severity: Severity; count: number }[]
  ).map((r) => ({ ...r, title: titles.get(r.ruleId) ?? r.ruleId }))
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const r of byRule) bySeverity[r.severity] += r.count
  const last = db.prepare('SELECT ran_at, records_checked FROM quality_run ORDER BY id DESC LIMIT 1').get() as
    | { ran_at: string; records_checked: number }
    | undefined
  return {
    total: bySeverity.error + bySeverity.warning + bySeverity.info,
    bySeverity,
    byRule,
    recordsChecked: last?.records_checked ?? 0,
    ranAt: last?.ran_at ?? null,
    outOfDate: last !== undefined && !checksAreCurrent(db),
  }
}

export interface IssueFilter {
  severity?: Severity | undefined
  ruleId?: string | undefined
  dataset?: string | undefined
  /** Include waived and fixed issues too (the export lists every issue). */
  allStatuses?: boolean
}

interface IssueRow {
  id: number
  rule_id: string
  severity: Severity
  dataset: string | null
  record_id: number | null
  record_key: string | null
  element_id: string | null
  source_table_id: number | null
  source_row_id: number | null
  source_column: string | null
  source_row_number: number | null
  value: string | null
  message: string
  status: QualityIssue['status']
}

function where(filter: IssueFilter): { sql: string; params: Record<string, string | null> } {
  return {
    sql: `WHERE (@all = 'yes' OR q.status = 'open') AND (@severity IS NULL OR q.severity = @severity)
      AND (@ruleId IS NULL OR q.rule_id = @ruleId) AND (@dataset IS NULL OR q.dataset = @dataset)`,
    params: {
      all: filter.allStatuses ? 'yes' : 'no',
      severity: filter.severity ?? null,
      ruleId: filter.ruleId ?? null,
      dataset: filter.dataset ?? null,
    },
  }
}

/** Issues in display order (most severe first), streamed. */
export function* iterateIssues(
  db: Database.Database,
  rules: readonly Rule[],
  itemName: (elementId: string) => string | null,
  filter: IssueFilter = {},
  page: { offset: number; limit: number } = { offset: 0, limit: -1 },
): Generator<QualityIssue> {
  const tables = new Map(listSourceTables(db).map((t) => [t.id, t]))
  const fixes = new Map(rules.map((r) => [r.id, r.fix]))
  const w = where(filter)
  const stmt = db.prepare(
    `SELECT q.*, r.record_key FROM quality_issue q LEFT JOIN mods_record r ON r.id = q.record_id
     ${w.sql} ORDER BY ${severityOrder}, q.id LIMIT @limit OFFSET @offset`,
  )
  for (const row of stmt.iterate({ ...w.params, ...page }) as Iterable<IssueRow>) {
    const table = row.source_table_id === null ? undefined : tables.get(row.source_table_id)
    yield {
      id: row.id,
      ruleId: row.rule_id,
      severity: row.severity,
      dataset: row.dataset,
      recordId: row.record_id,
      recordKey: row.record_key,
      elementId: row.element_id,
      item: row.element_id ? itemName(row.element_id) : null,
      value: row.value,
      message: row.message,
      fix: fixes.get(row.rule_id) ?? '',
      status: row.status,
      source:
        table && row.source_row_id !== null
          ? {
              tableId: table.id,
              file: table.fileName,
              sheet: table.sheet,
              table: table.name,
              rowId: row.source_row_id,
              rowNumber: row.source_row_number,
              column: row.source_column,
            }
          : null,
    }
  }
}

export function issuePage(
  db: Database.Database,
  rules: readonly Rule[],
  itemName: (elementId: string) => string | null,
  filter: IssueFilter,
  offset: number,
  limit: number,
): IssuePage {
  const w = where(filter)
  const { n } = db.prepare(`SELECT count(*) AS n FROM quality_issue q ${w.sql}`).get(w.params) as { n: number }
  return { total: n, offset, issues: [...iterateIssues(db, rules, itemName, filter, { offset, limit })] }
}
