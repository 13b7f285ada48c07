/**
 * Importing a file: refuse empty or unreadable files up front, pick the reader from the file's
 * first bytes (or the forced format), hash the file (duplicate detection, provenance), then
 * stream the reader's sheets into `commitSheets`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { ApiError } from '../../contract/errors'
import type { AuditActor, Workspace } from '../workspace'
import { commitSheets } from './commit'
import { ImportProgress } from './progress'
import { defaultLimits } from './reader'
import type { ReaderContext, SourceReader } from './reader'
import { detectReader, readerForFormat } from './readers'
import { headBytes } from './sniff'
import { sqliteSnapshot } from './sqlite/snapshot'
import type { ImportJob, ImportOptions, ImportResult } from './types'

export interface ImportInput {
  filePath: string
  /** The name the user knows the file by: used in messages and recorded as provenance. */
  displayName: string
  options: ImportOptions
  /** Use this reader instead of detecting one. */
  reader?: SourceReader
}

export interface OpenedSource {
  reader: SourceReader
  sizeBytes: number
  head: Uint8Array
}

/** Checks the file exists and is not empty, and chooses its reader. */
export function openSource(filePath: string, displayName: string, options: ImportOptions, reader?: SourceReader): OpenedSource {
  let stat: fs.Stats
  try {
    stat = fs.statSync(filePath)
  } catch {
    throw new ApiError('NOT_FOUND', `${displayName} could not be found or opened.`, { file: displayName })
  }
  if (!stat.isFile()) throw new ApiError('IMPORT_REJECTED', `${displayName} is not a file.`, { file: displayName })
  if (stat.size === 0) throw new ApiError('IMPORT_REJECTED', `${displayName} is empty (0 bytes): there is nothing to import.`, { file: displayName }, { reason: 'empty' })
  const fd = fs.openSync(filePath, 'r')
  const head = Buffer.alloc(Math.min(headBytes, stat.size))
  try {
    fs.readSync(fd, head, 0, head.length, 0)
  } finally {
    fs.closeSync(fd)
  }
  const chosen = reader ?? (options.format ? readerForFormat(options.format) : detectReader(head, displayName))
  return { reader: chosen, sizeBytes: stat.size, head }
}

/** SHA-256 of a file through one reused buffer (streams would allocate a buffer per chunk). */
export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  const file = await fs.promises.open(filePath, 'r')
  const buf = Buffer.allocUnsafe(4 << 20)
  try {
    for (let n = (await file.read(buf, 0, buf.length)).bytesRead; n > 0; n = (await file.read(buf, 0, buf.length)).bytesRead) hash.update(buf.subarray(0, n))
  } finally {
    await file.close()
  }
  return hash.digest('hex')
}

const ignoredProgress = { onBytes: () => {}, onFraction: () => {} }

export function readerContext(input: ImportInput, job: Pick<ImportJob, 'throwIfCancelled'>, progress: Pick<ImportProgress, 'onBytes' | 'onFraction'> = ignoredProgress): ReaderContext {
  return {
    filePath: input.filePath,
    displayName: input.displayName,
    options: input.options,
    limits: defaultLimits,
    throwIfCancelled: () => job.throwIfCancelled(),
    onBytes: progress.onBytes,
    onFraction: progress.onFraction,
  }
}

export async function importSource(ws: Workspace, input: ImportInput, job: ImportJob, actor: AuditActor): Promise<ImportResult> {
  const { reader, sizeBytes } = openSource(input.filePath, input.displayName, input.options, input.reader)
  job.progress('hash', null, { bytes: 0 })
  // A WAL-mode SQLite file is hashed and read through one private snapshot: its identity covers the
  // rows still in its -wal, and the rows imported are exactly the ones hashed.
  const snapshot = reader.format === 'sqlite' ? await sqliteSnapshot(input) : null
  try {
    const read = snapshot ? { ...input, filePath: snapshot.filePath } : input
    const sha256 = await hashFile(read.filePath)
    const progress = new ImportProgress(job, sizeBytes)
    const sheets = reader.sheets(readerContext(read, job, progress))
    return await commitSheets(ws, { fileName: input.displayName, format: reader.format, sha256, sizeBytes, options: input.options, progress }, sheets, job, actor)
  } finally {
    snapshot?.remove()
  }
}
