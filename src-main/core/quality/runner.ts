/**
 * Runs every rule over every MODS record, then replaces the open issues in one transaction.
 * Issues the user already waived or fixed (issue 5) are not raised again for the same value.
 */
import type Database from 'better-sqlite3'
import type { QualitySummary, Severity } from '../../contract/methods/quality'
import type { AuditActor } from '../workspace'
import { appendAudit } from '../workspace'
import { toCalendarDate } from './dates'
import { summarise } from './issues'
import { SourceLocator } from '../sources/locate'
import type { Rule } from './rule-schema'
import { ruleKinds } from './rules'
import { checksRecords, ruleTargets } from './rules-load'
import type { CatalogueElement, CheckContext, Finding, MappingProblem, QualityCatalogue, RecordView } from './types'
import { problemKey } from './types'

export interface RunOptions {
  rules: readonly Rule[]
  catalogue: QualityCatalogue
  /** "Today" for plausibility checks; injectable so tests do not depend on the clock. */
  today?: Date
  onProgress?: (records: number) => void
  throwIfCancelled?: () => void
}

interface RecordRow {
  id: number
  dataset: string
  record_key: string
  person_key: string | null
  source_table_id: number | null
  source_row_id: number | null
  values_json: string
  lineage_json: string
}

interface Pending {
  rule: Rule
  finding: Finding
  recordId: number | null
  dataset: string
  tableId: number | null
  rowId: number | null
  column: string | null
}

function toView(r: RecordRow): RecordView {
  return {
    id: r.id,
    dataset: r.dataset,
    recordKey: r.record_key,
    personKey: r.person_key,
    sourceTableId: r.source_table_id,
    sourceRowId: r.source_row_id,
    values: JSON.parse(r.values_json) as Record<string, unknown>,
    lineage: JSON.parse(r.lineage_json) as RecordView['lineage'],
  }
}

function context(db: Database.Database, catalogue: QualityCatalogue, today: Date): CheckContext {
  const personKeys = new Set(
    (db.prepare(`SELECT person_key FROM mods_record WHERE dataset = 'person' AND person_key IS NOT NULL`).pluck().all() as string[]),
  )
  const presentElements = new Map<string, Set<string>>()
  const present = db.prepare(
    `SELECT DISTINCT r.dataset, j.key FROM mods_record r, json_each(r.values_json) j
     WHERE j.type <> 'null' AND trim(CAST(j.value AS TEXT)) <> ''`,
  )
  for (const { dataset, key } of present.all() as { dataset: string; key: string }[]) {
    if (!presentElements.has(dataset)) presentElements.set(dataset, new Set())
    presentElements.get(dataset)!.add(key)
  }
  const mappingProblems = readMappingProblems(db)
  // A column whose every value failed is still mapped: its blank cells are missing values.
  for (const p of mappingProblems) {
    if (p.elementId === null) continue
    if (!presentElements.has(p.dataset)) presentElements.set(p.dataset, new Set())
    presentElements.get(p.dataset)!.add(p.elementId)
  }
  const problemElements = new Set(
    mappingProblems.filter((p) => p.elementId !== null).map((p) => problemKey(p.dataset, p.recordKey, p.elementId!)),
  )
  return { today: toCalendarDate(today), catalogue, personKeys, presentElements, mappingProblems, problemElements }
}

/** The mapping stage's problems of its last apply (none when the mapping stage is absent). */
function readMappingProblems(db: Database.Database): MappingProblem[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mapping_problem'`).get()
  if (!exists) return []
  return db
    .prepare(
      `SELECT p.kind, p.dataset, p.record_key AS recordKey, r.id AS recordId, p.element_id AS elementId,
         p.source_table_id AS tableId, p.source_row_id AS rowId, p.source_column AS "column", p.value, p.message
       FROM mapping_problem p LEFT JOIN mods_record r ON r.dataset = p.dataset AND r.record_key = p.record_key
       ORDER BY p.id`,
    )
    .all() as MappingProblem[]
}

function locate(record: RecordView, finding: Finding): Pick<Pending, 'tableId' | 'rowId' | 'column'> {
  const lineage = finding.elementId ? record.lineage[finding.elementId] : undefined
  if (lineage) return { tableId: lineage.tableId, rowId: lineage.rowId, column: lineage.column }
  return { tableId: record.sourceTableId, rowId: record.sourceRowId, column: null }
}

function findIssues(db: Database.Database, rules: readonly Rule[], ctx: CheckContext, options: RunOptions) {
  const targets = rules.map((rule) => ({ rule, byDataset: ruleTargets(rule, ctx.catalogue), whole: checksRecords(rule) }))
  const pending: Pending[] = []
  const seenDatasets = new Set<string>()
  let records = 0
  for (const row of db.prepare('SELECT * FROM mods_record ORDER BY id').iterate() as Iterable<RecordRow>) {
    const record = toView(row)
    seenDatasets.add(record.dataset)
    for (const { rule, byDataset, whole } of targets) {
      const elements: CatalogueElement[] = byDataset.get(record.dataset) ?? []
      if (!whole && elements.length === 0) continue
      for (const finding of ruleKinds[rule.kind].check(rule, elements, record, ctx)) {
        pending.push({ rule, finding, recordId: record.id, dataset: record.dataset, ...locate(record, finding) })
      }
    }
    if (++records % 2000 === 0) {
      options.throwIfCancelled?.()
      options.onProgress?.(records)
    }
  }
  for (const dataset of seenDatasets) {
    for (const { rule, byDataset } of targets) {
      const check = ruleKinds[rule.kind].checkDataset
      const elements = byDataset.get(dataset) ?? []
      if (!check || elements.length === 0) continue
      for (const finding of check(rule, elements, dataset, ctx)) {
        pending.push({ rule, finding, recordId: null, dataset, tableId: null, rowId: null, column: null })
      }
    }
  }
  for (const { rule } of targets) {
    for (const f of ruleKinds[rule.kind].checkWorkspace?.(rule, ctx) ?? []) {
      pending.push({ rule, finding: f, recordId: f.recordId, dataset: f.dataset, tableId: f.tableId, rowId: f.rowId, column: f.column })
    }
  }
  return { pending, records }
}

function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => vars[name] ?? whole)
}

function issueKey(ruleId: string, recordId: number | null, elementId: string | null, value: string | null): string {
  return JSON.stringify([ruleId, recordId, elementId, value])
}

export function runChecks(db: Database.Database, actor: AuditActor, options: RunOptions): QualitySummary {
  const ctx = context(db, options.catalogue, options.today ?? new Date())
  const { pending, records } = findIssues(db, options.rules, ctx, options)
  const locator = new SourceLocator(db)
  for (const p of pending) if (p.tableId !== null && p.rowId !== null) locator.want(p.tableId, p.rowId)
  locator.resolve()
  options.throwIfCancelled?.()

  const settled = new Set(
    (db.prepare(`SELECT rule_id, record_id, element_id, value FROM quality_issue WHERE status <> 'open'`).all() as {
      rule_id: string; record_id: number | null; element_id: string | null; value: string | null
    }[]).map((r) => issueKey(r.rule_id, r.record_id, r.element_id, r.value)),
  )
  const insert = db.prepare(
    `INSERT INTO quality_issue (rule_id, severity, dataset, record_id, element_id, source_table_id, source_row_id,
       source_column, source_row_number, value, message, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  )
  const now = new Date().toISOString()
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  db.transaction(() => {
    db.prepare(`DELETE FROM quality_issue WHERE status = 'open'`).run()
    for (const p of pending) {
      const recordId = p.recordId
      if (settled.has(issueKey(p.rule.id, recordId, p.finding.elementId, p.finding.value))) continue
      const element = p.finding.elementId ? ctx.catalogue.element(p.finding.elementId) : null
      const vars = {
        item: element?.name ?? 'The record',
        row: locator.describe(p.tableId, p.rowId),
        dataset: ctx.catalogue.datasetLabel(p.dataset).toLowerCase(),
        ...p.finding.vars,
      }
      const template = (p.finding.variant && p.rule.variants[p.finding.variant]) || p.rule.message
      const rowNumber = p.tableId !== null && p.rowId !== null ? locator.rowNumber(p.tableId, p.rowId) : null
      insert.run(p.rule.id, p.rule.severity, p.dataset, recordId, p.finding.elementId, p.tableId, p.rowId, p.column, rowNumber, p.finding.value, render(template, vars), now)
      counts[p.rule.severity]++
    }
    db.prepare('INSERT INTO quality_run (ran_at, records_checked, rules_json) VALUES (?, ?, ?)').run(
      now, records, JSON.stringify(options.rules.map((r) => r.id)),
    )
    appendAudit(db, actor, { action: 'quality.run', details: { records, issues: counts } })
  })()
  return summarise(db, options.rules)
}
