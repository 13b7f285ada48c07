/**
 * The saved mapping: one document per source table (mapping_table), validated against the
 * catalogue and the table's columns before it is stored. Saving also feeds mapping memory.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { Mapping, TableMapping } from '../../contract/methods/mapping'
import { tableMappingSchema } from '../../contract/methods/mapping'
import { getSourceTable } from '../sources/store'
import type { AuditActor } from '../workspace'
import { appendAudit } from '../workspace'
import { elementInfo } from './catalogue'
import { remember } from './memory'
import { columnIndex } from './transforms'

export function getMapping(db: Database.Database): Mapping {
  const rows = db.prepare('SELECT mapping_json FROM mapping_table ORDER BY table_id').all() as { mapping_json: string }[]
  return { tables: rows.map((r) => tableMappingSchema.parse(JSON.parse(r.mapping_json))) }
}

export function getTableMapping(db: Database.Database, tableId: number): TableMapping | null {
  const row = db.prepare('SELECT mapping_json FROM mapping_table WHERE table_id = ?').get(tableId) as { mapping_json: string } | undefined
  return row ? tableMappingSchema.parse(JSON.parse(row.mapping_json)) : null
}

/** Every column, element and dataset named by the mapping must exist; one message per first problem. */
export function validateTableMapping(db: Database.Database, mapping: TableMapping): void {
  const table = getSourceTable(db, mapping.tableId)
  if (mapping.personKey) columnIndex(table, mapping.personKey)
  for (const d of mapping.datasets) {
    const seen = new Set<string>()
    for (const f of d.fields) {
      const element = elementInfo(f.element)
      if (!element) throw new ApiError('VALIDATION', `'${f.element}' is not a MODS item in this catalogue.`, { sheet: table.name })
      if (element.dataset !== d.dataset) {
        throw new ApiError('VALIDATION', `${element.name} belongs to the ${element.dataset} records, not ${d.dataset}.`, { sheet: table.name })
      }
      if (seen.has(f.element)) throw new ApiError('VALIDATION', `${element.name} is mapped twice for sheet '${table.name}'.`, { sheet: table.name })
      seen.add(f.element)
      for (const c of f.columns) columnIndex(table, c)
      if (f.columns.length === 0 && !f.transforms.some((t) => t.op === 'constant')) {
        throw new ApiError('VALIDATION', `${element.name} needs a column or a constant value.`, { sheet: table.name })
      }
    }
  }
}

export function saveMapping(db: Database.Database, actor: AuditActor, mapping: Mapping): Mapping {
  for (const t of mapping.tables) validateTableMapping(db, t)
  const upsert = db.prepare(`
    INSERT INTO mapping_table (table_id, mapping_json, revision, updated_at) VALUES (?, ?, 1, ?)
    ON CONFLICT (table_id) DO UPDATE SET mapping_json = excluded.mapping_json, revision = revision + 1, updated_at = excluded.updated_at`)
  db.transaction(() => {
    const now = new Date().toISOString()
    for (const t of mapping.tables) {
      upsert.run(t.tableId, JSON.stringify(t), now)
      remember(db, t.datasets, 'workspace')
    }
    appendAudit(db, actor, {
      action: 'mapping.saved',
      details: { tables: mapping.tables.map((t) => ({ tableId: t.tableId, fields: t.datasets.reduce((n, d) => n + d.fields.length, 0) })) },
    })
  })()
  return getMapping(db)
}
