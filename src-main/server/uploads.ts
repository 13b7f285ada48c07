/**
 * Browser-mode file upload: the page streams the chosen file's bytes; we write them to a private
 * folder under the workspaces folder and grant an opaque handle. The renderer never sends a path.
 * Uploaded copies are deleted when the server closes (they may hold personal data).
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { IncomingMessage } from 'node:http'

export interface UploadedFile {
  path: string
  name: string
  size: number
}

export class UploadTooLarge extends Error {}

/** Keeps the user's file name readable but safe as a single path segment. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(0, 200)
  return cleaned || 'upload'
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
