/**
 * Text encoding of a CSV/text file. A byte-order mark decides; then UTF-16 without BOM (NULs in
 * alternate bytes); then a full-file UTF-8 validity scan (fast, native), since old files are often
 * pure ASCII for a million rows before the first "Zoë"; otherwise chardet's best guess among
 * single-byte encodings; for Western text Windows-1252 (what Excel on UK Windows writes as "CSV")
 * when any byte 0x80–0x9F occurs anywhere in the file, otherwise ISO-8859-1 (the two agree elsewhere).
 */
import { isUtf8 } from 'node:buffer'
import fs from 'node:fs'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { ApiError } from '../../../contract/errors'
import { readHead, utf16Order } from '../sniff'

export interface TextEncoding {
  /** Lower-case WHATWG/iconv-lite name: utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, … */
  encoding: string
  /** Bytes of byte-order mark to skip. */
  bomLength: number
  /** When the guess is uncertain: what else the file may be, and how to import it that way. */
  doubt?: string
}

function bomOf(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return null
}

/** Where a chunk can be cut without splitting a UTF-8 sequence. */
function utf8Boundary(buf: Buffer, length: number): number {
  for (let back = 1; back <= 3 && back <= length; back++) {
    const b = buf[length - back]!
    if (b < 0x80) return length
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? length - back : length
    }
  }
  return length
}

/** Whole-file UTF-8 check, streamed in 4 MB chunks (no full-file buffer). */
export function isUtf8File(filePath: string): boolean {
  const fd = fs.openSync(filePath, 'r')
  const buf = Buffer.alloc(4 << 20)
  try {
    let carry = 0
    for (;;) {
      const read = fs.readSync(fd, buf, carry, buf.length - carry, null)
      const length = carry + read
      if (read === 0) return length === 0 || isUtf8(buf.subarray(0, length))
      const cut = utf8Boundary(buf, length)
      if (!isUtf8(buf.subarray(0, cut))) return false
      buf.copy(buf, 0, cut, length)
      carry = length - cut
    }
  } finally {
    fs.closeSync(fd)
  }
}

function hasC1Bytes(chunk: Uint8Array): boolean {
  for (const b of chunk) if (b >= 0x80 && b <= 0x9f) return true
  return false
}

/**
 * Bytes 0x80–0x9F anywhere in the file: printable in Windows-1252 (’ “ € …), control characters in
 * ISO-8859-1. The whole file is scanned, since a late ’ decoded as ISO-8859-1 would be garbled.
 */
function fileHasC1Bytes(filePath: string): boolean {
  const fd = fs.openSync(filePath, 'r')
  const buf = Buffer.alloc(4 << 20)
  try {
    for (let read = fs.readSync(fd, buf, 0, buf.length, null); read > 0; read = fs.readSync(fd, buf, 0, buf.length, null)) {
      if (hasC1Bytes(buf.subarray(0, read))) return true
    }
    return false
  } finally {
    fs.closeSync(fd)
  }
}

const westernSingleByte = new Set(['iso-8859-1', 'iso-8859-15', 'windows-1252'])

function guessSingleByte(filePath: string): { encoding: string; doubt?: string } {
  const best = chardet.analyse(readHead(filePath, 1 << 20))[0]
  const name = best?.name.toLowerCase()
  const other = name && !westernSingleByte.has(name) && !name.startsWith('utf') && iconv.encodingExists(name) ? name : null
  if (other && best!.confidence >= 50) return { encoding: other }
  const encoding = fileHasC1Bytes(filePath) ? 'windows-1252' : 'iso-8859-1'
  // A weak non-Western guess (Polish text in windows-1250 scores ~30) is not acted on, but said.
  if (!other) return { encoding }
  return { encoding, doubt: `The text was read as ${encoding} (Western European), but it may be ${other}; if names look wrong (such as "£ukasz" for "Łukasz"), import it again with the encoding ${other}.` }
}

export function detectEncoding(filePath: string, head: Uint8Array, forced: string | undefined, fileName: string): TextEncoding {
  const bom = bomOf(head)
  if (forced) {
    const encoding = forced.trim().toLowerCase()
    if (!iconv.encodingExists(encoding)) {
      throw new ApiError('IMPORT_REJECTED', `"${forced}" is not a text encoding MODS Migrate knows (try utf-8, windows-1252, iso-8859-1 or utf-16le).`, { file: fileName })
    }
    const canonical = encoding.replace(/^utf8$/, 'utf-8')
    return { encoding: canonical, bomLength: bom && bom.encoding === canonical ? bom.bomLength : 0 }
  }
  if (bom) return bom
  const utf16 = utf16Order(head)
  if (utf16) return { encoding: utf16, bomLength: 0 }
  if (isUtf8File(filePath)) return { encoding: 'utf-8', bomLength: 0 }
  return { ...guessSingleByte(filePath), bomLength: 0 }
}

/** Text decoder for streamed chunks (multi-byte characters may straddle chunks). */
export function textDecoder(encoding: string): { write(chunk: Buffer): string; end(): string } {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8')
    return { write: (c) => decoder.decode(c, { stream: true }), end: () => decoder.decode() }
  }
  const decoder = iconv.getDecoder(encoding)
  return { write: (c) => decoder.write(c), end: () => decoder.end() ?? '' }
}
