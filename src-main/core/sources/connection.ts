/**
 * Imports write through their own connection to the workspace file. The read loop awaits between
 * batches, so the transaction stays open across awaits; on a dedicated connection no other code
 * in the process can slip its writes into it, and readers on the main connection keep seeing the
 * last committed state (WAL snapshot isolation) until the whole import commits.
 */
import Database from 'better-sqlite3'
import type { Workspace } from '../workspace'
import { loadNativeCells } from './native-cells'

export function openImportConnection(ws: Workspace): Database.Database {
  const db = new Database(ws.path, { fileMustExist: true })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // A competing import must be refused at once: better-sqlite3 waits synchronously, so a long
  // wait for BEGIN IMMEDIATE would freeze every other request. 100 ms still rides out a short write.
  db.pragma('busy_timeout = 100')
  db.pragma('trusted_schema = OFF')
  // No checkpoint inside COMMIT: see checkpointSoon.
  db.pragma('wal_autocheckpoint = 0')
  loadNativeCells(db)
  return db
}

/**
 * Copies the import's pages from the WAL into the database file once the caller has its result.
 * Left to the auto-checkpoint, this second write of every page ran inside COMMIT (~0.3 s of the
 * ~0.6 s for 1M rows; see docs/performance.md). Durability is unchanged: the import is durable
 * once COMMIT has synced the WAL, and SQLite reads pages not yet copied from the WAL after a
 * crash. If the workspace is closed first, closing its last connection checkpoints. A failed
 * checkpoint leaves the pages in the WAL for the next one, so it is not an error.
 */
function checkpointSoon(ws: Workspace): void {
  setImmediate(() => {
    if (!ws.db.open) return
    try {
      ws.db.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // The WAL still holds every committed page; see above.
    }
  })
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
      checkpointSoon(ws)
      return result
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    }
  } finally {
    db.close()
  }
}
