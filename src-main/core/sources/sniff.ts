/**
 * What a file really is, from its first bytes, whatever its name says. Used to pick a reader and
 * to refuse, with a specific message, a binary file renamed to .csv (security.md §5.6).
 */
import fs from 'node:fs'

export const headBytes = 64 * 1024

/** The first bytes of a file (fewer if it is shorter). */
export function readHead(filePath: string, bytes = headBytes): Buffer {
  const fd = fs.openSync(filePath, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    return buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0))
  } finally {
    fs.closeSync(fd)
  }
}

const magics: { bytes: number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive or an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old-style Excel (.xls) or password-protected Office file' },
  { bytes: [...Buffer.from('SQLite format 3\0')], kind: 'an SQLite database' },
  { bytes: [0x00, 0x01, 0x00, 0x00, 0x53, 0x74, 0x61, 0x6e, 0x64, 0x61, 0x72, 0x64], kind: 'a Microsoft Access database' },
  { bytes: [...Buffer.from('%PDF')], kind: 'a PDF document' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip-compressed file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
]

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b)
}

/** UTF-16 text has NULs in every other byte; it is text, not binary. */
export function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  const n = Math.min(head.length & ~1, 512)
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++
    if (head[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le'
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be'
  return null
}

/**
 * A plain-English description when the bytes are not text ("an SQLite database"), else null.
 * Text may contain the odd control character; NULs or many control bytes mean binary.
 */
export function binaryKind(head: Uint8Array): string | null {
  for (const m of magics) if (startsWith(head, m.bytes)) return m.kind
  if (utf16Order(head)) return null
  let control = 0
  for (const b of head) {
    if (b === 0) return 'binary data (it contains NUL bytes)'
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++
  }
  return control > head.length * 0.05 ? 'binary data' : null
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}
