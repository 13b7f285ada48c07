/**
 * Files the CLI writes on request (--issues, --out). A typo must not cost the user their data:
 * the workspace itself and any SQLite database (another workspace, perhaps) are never overwritten,
 * and a file is replaced only whole (written beside it, then renamed over it).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Session } from '../core/api/session'
import { UsageError } from './command'

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1')

function isSqliteFile(file: string): boolean {
  const head = Buffer.alloc(sqliteMagic.length)
  const fd = fs.openSync(file, 'r')
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(sqliteMagic)
  } finally {
    fs.closeSync(fd)
  }
}

function refuseTarget(session: Session, target: string, flag: string): void {
  const workspace = session.workspace ? path.resolve(session.workspace.path) : null
  if (workspace && [workspace, `${workspace}-wal`, `${workspace}-shm`, `${workspace}-journal`].includes(target)) {
    throw new UsageError(`${flag} names the workspace itself; choose another file name.`)
  }
  const existing = fs.statSync(target, { throwIfNoEntry: false })
  if (existing?.isDirectory()) throw new UsageError(`${flag} names a folder (${target}); give a file name.`)
  if (existing && isSqliteFile(target)) throw new UsageError(`${flag} names a database file (${path.basename(target)}), perhaps a workspace; it was not overwritten. Choose another file name.`)
}

/** Writes `text` to the file named by `flag`, refusing targets that would destroy data. */
export function writeOutputFile(session: Session, file: string, text: string, flag: string): void {
  const target = path.resolve(file)
  refuseTarget(session, target, flag)
  const temporary = `${target}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temporary, text, { mode: 0o600 }) // may hold personal data (issues name values)
    fs.renameSync(temporary, target)
  } catch (err) {
    fs.rmSync(temporary, { force: true })
    throw err
  }
}
