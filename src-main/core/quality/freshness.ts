/**
 * Whether the open issues describe the records as they are: the checks ran after the mapping was
 * last applied (removing a source re-applies it too). Read from the audit log, which records both.
 */
import type Database from 'better-sqlite3'

function lastAudit(db: Database.Database, action: string): number | null {
  return db.prepare('SELECT max(id) FROM audit_event WHERE action = ?').pluck().get(action) as number | null
}

export function checksAreCurrent(db: Database.Database): boolean {
  const checked = lastAudit(db, 'quality.run')
  const applied = lastAudit(db, 'mapping.applied')
  return checked !== null && (applied === null || checked > applied)
}
