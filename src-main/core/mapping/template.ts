/**
 * Templates: the saved mapping with sheet and column names instead of workspace ids, versioned,
 * so it can be shared with another provider and re-applied to a newer export. Importing matches
 * each template sheet to an imported table (by name, else by shared columns) and each column by
 * name, else by normalised header; fields whose columns are missing are dropped and reported.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import { mappingTemplateSchema, templateFormat } from '../../contract/methods/mapping'
import type { FieldMapping, Mapping, MappingTemplate, TableMapping, TemplateImportResult, TemplateMatchTable, TemplateTable, Transform } from '../../contract/methods/mapping'
import { getSourceTable, listSourceTables } from '../sources/store'
import type { SourceTableInfo } from '../sources/store'
import type { AuditActor } from '../workspace'
import { appendAudit } from '../workspace'
import { catalogueView } from './catalogue'
import { headerKey } from './header'
import { getMapping, saveMapping } from './mapping-store'
import { remember } from './memory'

export function exportTemplate(db: Database.Database, name: string, description: string): MappingTemplate {
  const tables = getMapping(db).tables.map((t): TemplateTable => {
    const info = getSourceTable(db, t.tableId)
    return { table: info.name, columns: info.columns.map((c) => c.name), personKey: t.personKey, datasets: t.datasets }
  })
  const last = db.prepare('SELECT max(version) AS v FROM mapping_template WHERE name = ?').get(name) as { v: number | null }
  const template: MappingTemplate = {
    format: templateFormat,
    formatVersion: 1,
    name,
    version: (last.v ?? 0) + 1,
    description,
    modsVersion: catalogueView().modsVersion,
    createdAt: new Date().toISOString(),
    tables,
    rules: [],
  }
  storeTemplate(db, template)
  return template
}

function storeTemplate(db: Database.Database, t: MappingTemplate): void {
  db.prepare('INSERT OR REPLACE INTO mapping_template (name, version, template_json, imported_at) VALUES (?, ?, ?, ?)').run(t.name, t.version, JSON.stringify(t), new Date().toISOString())
}

export function parseTemplate(raw: unknown): MappingTemplate {
  const parsed = mappingTemplateSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? ` (at ${issue.path.map(String).join('.')})` : ''
  throw new ApiError('VALIDATION', `This is not a MODS Migrate mapping template: ${issue?.message ?? 'unreadable'}${where}.`)
}

function overlap(t: TemplateTable, info: SourceTableInfo): number {
  const keys = new Set(info.columns.map((c) => headerKey(c.name)))
  return t.columns.filter((c) => keys.has(headerKey(c))).length / Math.max(1, t.columns.length)
}

function matchTable(t: TemplateTable, tables: SourceTableInfo[], taken: Set<number>): SourceTableInfo | null {
  const free = tables.filter((s) => !taken.has(s.id))
  const byName = free.find((s) => s.name === t.table) ?? free.find((s) => s.name.toLowerCase() === t.table.toLowerCase() || s.sheet?.toLowerCase() === t.table.toLowerCase())
  if (byName) return byName
  const [best] = free.map((s) => ({ s, score: overlap(t, s) })).sort((a, b) => b.score - a.score)
  return best && best.score >= 0.5 ? best.s : null
}

function columnResolver(info: SourceTableInfo): (column: string) => string | null {
  return (column) => info.columns.find((c) => c.name === column)?.name ?? info.columns.find((c) => headerKey(c.name) === headerKey(column))?.name ?? null
}

function retargetTransforms(transforms: Transform[], tableNames: Map<string, string>): Transform[] {
  return transforms.map((t) => (t.op === 'lookup' ? { ...t, table: tableNames.get(t.table) ?? t.table } : t))
}

function adaptTable(t: TemplateTable, info: SourceTableInfo, tableNames: Map<string, string>): { mapping: TableMapping; report: TemplateMatchTable } {
  const resolve = columnResolver(info)
  const matched = t.columns.filter((c) => resolve(c) !== null)
  const used = new Set(matched.map((c) => resolve(c)))
  const dropped: string[] = []
  const datasets = t.datasets.map((d) => ({
    dataset: d.dataset,
    fields: d.fields.flatMap((f): FieldMapping[] => {
      const columns = f.columns.map(resolve)
      const missing = f.columns.filter((_, i) => columns[i] === null)
      if (missing.length) {
        dropped.push(`${f.element} (column ${missing.map((m) => `'${m}'`).join(', ')} not found)`)
        return []
      }
      return [{ ...f, columns: columns as string[], transforms: retargetTransforms(f.transforms, tableNames) }]
    }),
  }))
  const personKey = t.personKey ? resolve(t.personKey) : null
  if (t.personKey && !personKey) dropped.push(`person key (column '${t.personKey}' not found)`)
  return {
    mapping: { tableId: info.id, personKey, datasets },
    report: {
      table: t.table,
      matchedTableId: info.id,
      matchedColumns: matched,
      missingColumns: t.columns.filter((c) => resolve(c) === null),
      extraColumns: info.columns.map((c) => c.name).filter((c) => !used.has(c)),
      droppedFields: dropped,
    },
  }
}

/** Fits a template to this workspace's tables; reports what matched. Saves when asked. */
export function importTemplate(db: Database.Database, actor: AuditActor, raw: unknown, save: boolean): TemplateImportResult {
  const template = parseTemplate(raw)
  const tables = listSourceTables(db)
  const taken = new Set<number>()
  const pairs = template.tables.map((t) => {
    const info = matchTable(t, tables, taken)
    if (info) taken.add(info.id)
    return { t, info }
  })
  const tableNames = new Map(pairs.flatMap(({ t, info }) => (info ? [[t.table, info.name] as [string, string]] : [])))
  const reports: TemplateMatchTable[] = []
  const mapping: Mapping = { tables: [] }
  for (const { t, info } of pairs) {
    if (!info) {
      reports.push({ table: t.table, matchedTableId: null, matchedColumns: [], missingColumns: t.columns, extraColumns: [], droppedFields: t.datasets.flatMap((d) => d.fields.map((f) => f.element)) })
      continue
    }
    const adapted = adaptTable(t, info, tableNames)
    mapping.tables.push(adapted.mapping)
    reports.push(adapted.report)
  }
  if (save && mapping.tables.length > 0) {
    db.transaction(() => {
      saveMapping(db, actor, mapping)
      storeTemplate(db, template)
      for (const t of template.tables) remember(db, t.datasets, `template:${template.name}`)
      appendAudit(db, actor, { action: 'mapping.template-imported', details: { name: template.name, version: template.version, tables: reports.map((r) => ({ table: r.table, matchedTableId: r.matchedTableId, missing: r.missingColumns.length, dropped: r.droppedFields.length })) } })
    })()
  }
  return { mapping, tables: reports, saved: save && mapping.tables.length > 0 }
}
