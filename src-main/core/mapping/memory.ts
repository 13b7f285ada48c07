/**
 * Mapping memory (OneSchema's "historical" matching): what a header was mapped to before, in
 * this workspace (each save) or in an imported template. Keyed by the normalised header, so
 * 'NOK Tel' and 'nok_tel' share one memory.
 */
import type Database from 'better-sqlite3'
import type { DatasetMapping, Transform } from '../../contract/methods/mapping'
import { headerKey } from './header'

export interface MemoryHit {
  element: string
  /** 'workspace' or 'template:<name>'. */
  origin: string
  uses: number
  transforms?: Transform[]
}

interface MemoryRow {
  element_id: string
  origin: string
  uses: number
  transforms_json: string
}

export function recallHeader(db: Database.Database, header: string): MemoryHit[] {
  const rows = db
    .prepare('SELECT element_id, origin, uses, transforms_json FROM mapping_memory WHERE header_key = ? ORDER BY (origin = \'workspace\') DESC, uses DESC, last_used DESC')
    .all(headerKey(header)) as MemoryRow[]
  return rows.map((r) => ({ element: r.element_id, origin: r.origin, uses: r.uses, transforms: JSON.parse(r.transforms_json) as Transform[] }))
}

/** Records every single-column field of the given datasets under its header. */
export function remember(db: Database.Database, datasets: DatasetMapping[], origin: string): void {
  const upsert = db.prepare(`
    INSERT INTO mapping_memory (header_key, element_id, origin, transforms_json, uses, last_used) VALUES (?, ?, ?, ?, 1, ?)
    ON CONFLICT (header_key, element_id, origin) DO UPDATE SET uses = uses + 1, transforms_json = excluded.transforms_json, last_used = excluded.last_used`)
  const now = new Date().toISOString()
  for (const d of datasets) {
    for (const f of d.fields) {
      const [column] = f.columns
      if (f.columns.length !== 1 || !column) continue
      const key = headerKey(column)
      if (key) upsert.run(key, f.element, origin, JSON.stringify(f.transforms.filter((t) => t.op !== 'lookup')), now)
    }
  }
}
