/**
 * The append-only audit log. Each event carries the SHA-256 of the previous one, so any edit
 * of a stored event breaks the chain (`verifyAuditChain`). Events hold counts, ids and hashes,
 * never personal data.
 */
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AuditEntry } from '../../contract/methods/workspace'

export interface AuditActor {
  user: string
  role: string
}

export interface AuditInput {
  action: string
  object?: string | null
  details?: Record<string, unknown>
}

/** An audit_event row: the listed entry with its details still as JSON, plus the chain hashes. */
type StoredEvent = Omit<AuditEntry, 'details'> & { details_json: string; prev_hash: string; hash: string }

const genesis = '0'.repeat(64)

function eventHash(e: Omit<StoredEvent, 'id' | 'hash'>): string {
  const canonical = JSON.stringify([e.at, e.actor, e.role, e.action, e.object, e.details_json, e.prev_hash])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one event; call inside the same transaction as the change it records. */
export function appendAudit(db: Database.Database, actor: AuditActor, input: AuditInput): number {
  const last = db.prepare('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined
  const event = {
    at: new Date().toISOString(),
    actor: actor.user,
    role: actor.role,
    action: input.action,
    object: input.object ?? null,
    details_json: JSON.stringify(input.details ?? {}),
    prev_hash: last?.hash ?? genesis,
  }
  const result = db
    .prepare(
      `INSERT INTO audit_event (at, actor, role, action, object, details_json, prev_hash, hash)
       VALUES (@at, @actor, @role, @action, @object, @details_json, @prev_hash, @hash)`,
    )
    .run({ ...event, hash: eventHash(event) })
  return Number(result.lastInsertRowid)
}

export interface AuditVerification {
  ok: boolean
  events: number
  /** The first event whose stored hash or link does not match. */
  firstBrokenId: number | null
}

export function verifyAuditChain(db: Database.Database): AuditVerification {
  let prev = genesis
  let events = 0
  for (const row of db.prepare('SELECT * FROM audit_event ORDER BY id').iterate() as Iterable<StoredEvent>) {
    events++
    if (row.prev_hash !== prev || eventHash(row) !== row.hash) return { ok: false, events, firstBrokenId: row.id }
    prev = row.hash
  }
  return { ok: true, events, firstBrokenId: null }
}

export interface AuditQuery {
  limit: number
  beforeId?: number | undefined
  action?: string | undefined
}

export function listAudit(db: Database.Database, q: AuditQuery): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_event
       WHERE (@beforeId IS NULL OR id < @beforeId) AND (@action IS NULL OR action LIKE @action || '%')
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ beforeId: q.beforeId ?? null, action: q.action ?? null, limit: q.limit }) as StoredEvent[]
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    object: r.object,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
  }))
}
