/**
 * A workspace is one SQLite file (`.modsws`). Opened with WAL, synchronous=FULL and foreign keys
 * so a committed import survives power loss (security.md §2). One writer connection per workspace.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import { migrate } from './migrate'

export const workspaceExtension = '.modsws'

export interface Workspace {
  readonly db: Database.Database
  readonly path: string
  readonly id: string
  readonly name: string
  readonly createdAt: string
  readonly schemaVersion: number
  close(): void
}

function connect(filePath: string, mustExist: boolean): Database.Database {
  let db: Database.Database
  try {
    db = new Database(filePath, { fileMustExist: mustExist })
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // The engine's thread waits this long for another writer (an import holds the lock for its
    // whole run): short, because the wait blocks every other request; the caller is told to retry.
    db.pragma('busy_timeout = 1000')
    db.pragma('trusted_schema = OFF')
  } catch (err) {
    throw new ApiError('WORKSPACE_INVALID', `${path.basename(filePath)} is not a readable MODS Migrate workspace (${(err as Error).message}).`)
  }
  return db
}

function readMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM workspace_meta').all() as { key: string; value: string }[]
  return new Map(rows.map((r) => [r.key, r.value]))
}

function wrap(db: Database.Database, filePath: string, schemaVersion: number): Workspace {
  const meta = readMeta(db)
  const id = meta.get('id')
  if (!id) {
    db.close()
    throw new ApiError('WORKSPACE_INVALID', `${path.basename(filePath)} has no workspace identity; it was not created by MODS Migrate.`)
  }
  return {
    db,
    path: filePath,
    id,
    name: meta.get('name') ?? path.basename(filePath, workspaceExtension),
    createdAt: meta.get('created_at') ?? '',
    schemaVersion,
    close: () => {
      if (db.open) db.close()
    },
  }
}

/** Creates a new workspace file; refuses to overwrite an existing one. */
export function createWorkspace(filePath: string, name: string): Workspace {
  if (fs.existsSync(filePath)) {
    throw new ApiError('CONFLICT', `A workspace called ${path.basename(filePath)} already exists.`)
  }
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  // Owner-only from the first byte (it will hold personal data); SQLite gives its -wal and -shm
  // files the database file's permissions.
  fs.closeSync(fs.openSync(filePath, 'wx', 0o600))
  const db = connect(filePath, false)
  try {
    const version = migrate(db)
    const put = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)')
    db.transaction(() => {
      put.run('id', randomUUID())
      put.run('name', name)
      put.run('created_at', new Date().toISOString())
    })()
    return wrap(db, filePath, version)
  } catch (err) {
    db.close()
    // Nothing half-made is left to be mistaken for a workspace later.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(filePath + suffix, { force: true })
    throw err
  }
}

/** Opens an existing workspace, applying any pending migrations. */
export function openWorkspace(filePath: string): Workspace {
  if (!fs.existsSync(filePath)) {
    throw new ApiError('NOT_FOUND', `No workspace at ${path.basename(filePath)}.`)
  }
  // Checked read-only first: opening for work switches the file to WAL and migrates it, which
  // would change a file that is not ours (someone's own SQLite database, an empty file).
  if (!peekWorkspace(filePath)) {
    throw new ApiError('WORKSPACE_INVALID', `${path.basename(filePath)} is not a MODS Migrate workspace; it was left unchanged.`)
  }
  const db = connect(filePath, true)
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new ApiError('WORKSPACE_INVALID', `${path.basename(filePath)} is damaged: ${String(check)}`)
    const version = migrate(db)
    return wrap(db, filePath, version)
  } catch (err) {
    db.close()
    if (err instanceof ApiError) throw err
    throw new ApiError('WORKSPACE_INVALID', `${path.basename(filePath)} is not a MODS Migrate workspace (${(err as Error).message}).`)
  }
}

/**
 * A workspace's identity without opening it for work: read-only, no integrity check, no
 * migrations (listing a folder must be quick and must not change files). Null if it is not one.
 */
export function peekWorkspace(filePath: string): { id: string; name: string } | null {
  let db: Database.Database | null = null
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true })
    const meta = readMeta(db)
    const id = meta.get('id')
    return id ? { id, name: meta.get('name') ?? path.basename(filePath, workspaceExtension) } : null
  } catch {
    return null
  } finally {
    db?.close()
  }
}

/** Opens the workspace if it exists, otherwise creates it (CLI convenience). */
export function openOrCreateWorkspace(filePath: string): Workspace {
  return fs.existsSync(filePath)
    ? openWorkspace(filePath)
    : createWorkspace(filePath, path.basename(filePath, workspaceExtension))
}
