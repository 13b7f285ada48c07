/**
 * A WAL-mode SQLite file keeps committed rows in its -wal file until a checkpoint, and opening it,
 * even read-only, creates -shm (and -wal) next to it. Such a file is therefore read through a
 * snapshot: the database and its -wal copied into a private folder, checkpointed there and turned
 * into a single rollback-journal file. Its bytes depend only on the content a reader sees, so the
 * snapshot is also what the import hashes (the same data is the same source, whether or not the
 * other program has checkpointed), and the user's folder is never written to.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { ReaderContext } from '../reader'
import { importRejected } from '../xlsx/rejection'

export interface SqliteSnapshot {
  /** The checkpointed copy; read it in place of the source. */
  filePath: string
  /** Deletes the private folder; safe to call more than once. */
  remove(): void
}

type Source = Pick<ReaderContext, 'filePath' | 'displayName'>

/** Header bytes 18 and 19 (file format write/read version) are 2 in WAL mode. */
function inWalMode(filePath: string): boolean {
  const header = Buffer.alloc(20)
  const fd = fs.openSync(filePath, 'r')
  try {
    return fs.readSync(fd, header, 0, header.length, 0) === header.length && (header[18] === 2 || header[19] === 2)
  } finally {
    fs.closeSync(fd)
  }
}

/** Size, change time and inode of the file, or null when it does not exist: compared before and after copying. */
function fingerprint(filePath: string): string | null {
  const s = fs.statSync(filePath, { bigint: true, throwIfNoEntry: false })
  return s ? `${s.size}:${s.mtimeNs}:${s.ino}` : null
}

/** Copies the database and its -wal (if any); refuses when another program changed them meanwhile. */
async function copyFiles(ctx: Source, target: string): Promise<void> {
  const wal = `${ctx.filePath}-wal`
  const before = [fingerprint(ctx.filePath), fingerprint(wal)]
  await fs.promises.copyFile(ctx.filePath, target)
  if (before[1] !== null) await fs.promises.copyFile(wal, `${target}-wal`)
  const after = [fingerprint(ctx.filePath), fingerprint(wal)]
  if (before[0] !== after[0] || before[1] !== after[1]) {
    throw importRejected(ctx, 'it changed while it was being read (another program is writing to it); close that program and try again')
  }
}

/** Applies the -wal to the copy and leaves one self-contained file (no -wal, no -shm). */
function checkpoint(ctx: Source, copy: string): void {
  try {
    const db = new Database(copy, { fileMustExist: true })
    try {
      db.pragma('journal_mode = DELETE')
    } finally {
      db.close()
    }
  } catch (e) {
    throw importRejected(ctx, `it is not a readable SQLite database (${(e as Error).message})`)
  }
}

/** A private checkpointed copy when the file is in WAL mode or has a -wal file; null when it can be read in place. */
export async function sqliteSnapshot(ctx: Source): Promise<SqliteSnapshot | null> {
  if (!fs.existsSync(`${ctx.filePath}-wal`) && !inWalMode(ctx.filePath)) return null
  // The copy holds personal data in plain text: a folder only this user can open, removed at the end.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-sqlite-'))
  const remove = () => fs.rmSync(folder, { recursive: true, force: true })
  try {
    fs.chmodSync(folder, 0o700)
    const filePath = path.join(folder, 'source.db')
    await copyFiles(ctx, filePath)
    checkpoint(ctx, filePath)
    return { filePath, remove }
  } catch (e) {
    remove()
    throw e
  }
}
