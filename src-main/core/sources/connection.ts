/**
 * Imports write through their own connection to the workspace file. The read loop awaits between
 * batches, so the transaction stays open across awaits; on a dedicated connection no other code
 * in the process can slip its writes into it, and readers on the main connection keep seeing the
 * last committed state (WAL snapshot isolation) until the whole import commits.
 */
import Database from 'better-sqlite3'
import type { Workspace } from '../workspace'

export function openImportConnection(ws: Workspace): Database.Database {
  const db = new Database(ws.path, { fileMustExist: true })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('trusted_schema = OFF')
  return db
}

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT; any error or cancellation rolls everything back. */
export async function inImportTransaction<T>(ws: Workspace, work: (db: Database.Database) => Promise<T>, beforeCommit: () => void = () => {}): Promise<T> {
  const db = openImportConnection(ws)
  try {
    db.exec('BEGIN IMMEDIATE')
    try {
      const result = await work(db)
      beforeCommit()
      db.exec('COMMIT')
      return result
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    }
  } finally {
    db.close()
  }
}
