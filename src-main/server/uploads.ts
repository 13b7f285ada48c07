/**
 * Browser-mode file upload: the page streams the chosen file's bytes; we write them to a private
 * folder under the workspaces folder and grant an opaque handle. The renderer never sends a path.
 * Uploaded copies are deleted when the server closes (they may hold personal data), and copies
 * left by a run that ended without closing (a crash, kill -9) are deleted when the next one starts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { fitFileName } from '../core/workspace/file-name'

export interface UploadedFile {
  path: string
  name: string
  size: number
}

export class UploadTooLarge extends Error {}

/** Bytes, not characters: the limit is the file system's 255 bytes per name, with room to spare. */
const maxNameBytes = 200

/** Keeps the user's file name readable but safe as a single path segment. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim()
  return fitFileName(cleaned, maxNameBytes, 'upload')
}

/** This process's runs that have not closed: several servers may share one process (tests, tools). */
const openRuns = new Set<string>()

/** A fresh folder for one run's uploads; the pid in its name lets a later start tell a live run from an ended one. */
export function openUploadRun(uploadsRoot: string): string {
  const dir = path.join(uploadsRoot, `${process.pid}-${randomBytes(8).toString('hex')}`)
  openRuns.add(dir)
  return dir
}

export function closeUploadRun(dir: string): void {
  openRuns.delete(dir)
  fs.rmSync(dir, { recursive: true, force: true })
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A pid that is not running any more (or a name without one) means the run ended. A reused pid only delays the purge. */
function runEnded(dir: string): boolean {
  const pid = Number(/^(\d+)-/.exec(path.basename(dir))?.[1] ?? 0)
  if (pid === 0) return true
  return pid === process.pid ? !openRuns.has(dir) : !processAlive(pid)
}

/**
 * Deletes what ended runs left under the uploads root. Only entries directly inside it are
 * removed, and rmSync unlinks symbolic links instead of following them; a root that is itself a
 * link is left alone.
 */
export function purgeEndedUploads(uploadsRoot: string): void {
  if (!fs.lstatSync(uploadsRoot, { throwIfNoEntry: false })?.isDirectory()) return
  for (const entry of fs.readdirSync(uploadsRoot)) {
    const dir = path.join(uploadsRoot, entry)
    if (runEnded(dir)) fs.rmSync(dir, { recursive: true, force: true })
  }
}

function sizeLimit(maxBytes: number): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      if (seen > maxBytes) done(new UploadTooLarge(`The file is larger than the ${maxBytes} byte limit.`))
      else done(null, chunk)
    },
  })
}

export async function receiveUpload(req: IncomingMessage, uploadsDir: string, rawName: string, maxBytes: number): Promise<UploadedFile> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw new UploadTooLarge(`The file is larger than the ${maxBytes} byte limit.`)
  const name = safeFileName(rawName)
  const dir = path.join(uploadsDir, randomBytes(8).toString('hex'))
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = path.join(dir, name)
  try {
    await pipeline(req, sizeLimit(maxBytes), fs.createWriteStream(file, { mode: 0o600 }))
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw err
  }
  return { path: file, name, size: fs.statSync(file).size }
}
