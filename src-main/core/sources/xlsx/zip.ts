/**
 * A deliberately small ZIP reader for XLSX packages. It reads the central directory first and
 * refuses zip bombs before anything is inflated (declared sizes, compression ratio, entry count,
 * odd names), then inflates single entries with a running byte counter, because declared sizes
 * can lie (security.md §5). Random access also means no temporary files: exceljs's streaming reader
 * spills worksheets to unencrypted temp files when shared strings come later in the archive.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import type { ImportLimits } from '../reader'
import { ReaderProblem } from './rejection'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}


const eocdSignature = 0x06054b50
const zip64LocatorSignature = 0x07064b50
const centralSignature = 0x02014b50
const localSignature = 0x04034b50
const maxEntries = 10_000
const ratioFloorBytes = 1024 * 1024

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length)
  const n = fs.readSync(fd, buf, 0, length, position)
  if (n < length) throw new ReaderProblem('the file is truncated (it ends before the data it describes)')
  return buf
}

interface Directory {
  count: number
  size: number
  offset: number
}

function locateDirectory(fd: number, fileSize: number): Directory {
  const tailLength = Math.min(fileSize, 22 + 0xffff)
  const tail = readAt(fd, fileSize - tailLength, tailLength)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== eocdSignature) continue
    const dir = { count: tail.readUInt16LE(i + 10), size: tail.readUInt32LE(i + 12), offset: tail.readUInt32LE(i + 16) }
    const locator = i - 20
    if (locator >= 0 && tail.readUInt32LE(locator) === zip64LocatorSignature) {
      const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56)
      return {
        count: Number(record.readBigUInt64LE(32)),
        size: Number(record.readBigUInt64LE(40)),
        offset: Number(record.readBigUInt64LE(48)),
      }
    }
    return dir
  }
  throw new ReaderProblem('it is not a complete Excel workbook (no ZIP directory found: the file is truncated or not an .xlsx)')
}

/** ZIP64 extra field: 64-bit values replace the 32-bit ones that are saturated, in this order. */
function applyZip64(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p)
    const size = extra.readUInt16LE(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      const next = (): number => {
        const v = q + 8 <= extra.length ? Number(extra.readBigUInt64LE(q)) : NaN
        q += 8
        return v
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next()
    }
    p += 4 + size
  }
}

function parseDirectory(buf: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== centralSignature) throw new ReaderProblem('its ZIP directory is damaged')
    const flags = buf.readUInt16LE(p + 8)
    if (flags & 1) throw new ReaderProblem('it is encrypted; remove the password in Excel and export again')
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    }
    applyZip64(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry)
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function checkEntries(entries: ZipEntry[], fileSize: number, limits: ImportLimits): void {
  const seen = new Set<string>()
  let total = 0
  for (const e of entries) {
    if (e.name.startsWith('/') || e.name.split(/[\\/]/).includes('..')) throw new ReaderProblem(`it contains an unsafe part name (${e.name})`)
    if (seen.has(e.name)) throw new ReaderProblem(`it contains the part ${e.name} twice`)
    seen.add(e.name)
    if (e.method !== 0 && e.method !== 8) throw new ReaderProblem(`its part ${e.name} uses a compression method Excel does not use`)
    if (!Number.isFinite(e.uncompressedSize) || e.localHeaderOffset + e.compressedSize > fileSize) {
      throw new ReaderProblem('the file is truncated (it ends before the data it describes)')
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize)
    if (e.uncompressedSize > ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      throw new ReaderProblem(`it looks like a zip bomb: part ${e.name} would expand ${Math.round(ratio)} times (limit ${limits.maxCompressionRatio})`)
    }
    total += e.uncompressedSize
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ReaderProblem(`it would expand to ${Math.round(total / 1024 ** 2)} MB (limit ${Math.round(limits.maxUncompressedBytes / 1024 ** 2)} MB): possibly a zip bomb`)
  }
}

export class ZipArchive {
  /** Inflated bytes so far across all entries, checked against the total cap as they arrive. */
  private inflated = 0

  private constructor(
    readonly filePath: string,
    readonly entries: Map<string, ZipEntry>,
    private readonly limits: ImportLimits,
  ) {}

  static open(filePath: string, limits: ImportLimits): ZipArchive {
    const fd = fs.openSync(filePath, 'r')
    try {
      const fileSize = fs.fstatSync(fd).size
      const dir = locateDirectory(fd, fileSize)
      if (dir.count > maxEntries) throw new ReaderProblem(`it has ${dir.count} parts (limit ${maxEntries})`)
      if (dir.offset + dir.size > fileSize) throw new ReaderProblem('the file is truncated (its ZIP directory is cut off)')
      const entries = parseDirectory(readAt(fd, dir.offset, dir.size), dir.count)
      checkEntries(entries, fileSize, limits)
      return new ZipArchive(filePath, new Map(entries.map((e) => [e.name, e])), limits)
    } finally {
      fs.closeSync(fd)
    }
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  /** The entry's bytes, inflated in chunks; throws ReaderProblem as soon as it exceeds what it declared. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name)
    if (!entry) throw new ReaderProblem(`the part ${name} is missing`)
    const fd = fs.openSync(this.filePath, 'r')
    let start: number
    try {
      const header = readAt(fd, entry.localHeaderOffset, 30)
      if (header.readUInt32LE(0) !== localSignature) throw new ReaderProblem(`its part ${name} is damaged`)
      start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    } finally {
      fs.closeSync(fd)
    }
    if (entry.compressedSize === 0) return
    const raw = fs.createReadStream(this.filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 })
    const source = entry.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 256 * 1024 })) : raw
    if (source !== raw) raw.on('error', (e) => source.destroy(e))
    let produced = 0
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        produced += chunk.length
        this.inflated += chunk.length
        if (produced > entry.uncompressedSize) {
          throw new ReaderProblem(`it looks like a zip bomb: part ${name} expands beyond the ${entry.uncompressedSize} bytes it declares`)
        }
        if (this.inflated > this.limits.maxUncompressedBytes) throw new ReaderProblem('it expands beyond the size limit: possibly a zip bomb')
        yield chunk
      }
    } catch (e) {
      if (e instanceof ReaderProblem) throw e
      throw new ReaderProblem(`its part ${name} is damaged or truncated (${(e as Error).message})`)
    } finally {
      raw.destroy()
      source.destroy()
    }
  }
}
