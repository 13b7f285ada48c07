/**
 * A table definition may span several pages, each naming the next. mdb-reader follows that chain
 * with no limit, so a damaged file whose chain loops back would hang the import (and grow memory
 * until the process dies). This finds such loops before mdb-reader sees the file.
 *
 * Page 0 holds a header masked with a fixed RC4 key; in it, a non-zero database key means Access
 * "encoded" the other pages with RC4 (key = database key XOR page number), so their first bytes are
 * unmasked the same way. ACCDB files with a key are password-protected and refused before any
 * table is read, so they are not checked.
 */
import { rc4 } from './rc4'

const headerKey = Buffer.from([0xc7, 0xda, 0x39, 0x6b])
const tableDefinitionType = 0x02

/** Format version (0 Jet 3, 1 Jet 4, 2+ ACE) and database key from page 0, or null if too short. */
function fileHeader(file: Buffer): { version: number; databaseKey: number } | null {
  if (file.length < 0x18 + 128) return null
  return { version: file[0x14]!, databaseKey: rc4(headerKey, file.subarray(0x18, 0x18 + 128)).readUInt32LE(0x3e - 0x18) }
}

/**
 * An ACCDB with a database key is encrypted with a password (Office encryption). Decided here,
 * not from mdb-reader's errors: for some encryption methods it only says "Not implemented yet".
 */
export function isPasswordProtectedAccdb(file: Buffer): boolean {
  const head = fileHeader(file)
  return head !== null && head.version > 1 && head.databaseKey !== 0
}

/** The 8-byte header of every page (type byte, next-page pointer at 4), unmasked when needed. */
function pageHeaders(file: Buffer): { pageSize: number; header: (page: number) => Buffer } | null {
  const head = fileHeader(file)
  if (!head || isPasswordProtectedAccdb(file)) return null
  const { version, databaseKey } = head
  const pageSize = version === 0 ? 2048 : 4096
  const header = (page: number) => {
    const raw = file.subarray(page * pageSize, page * pageSize + 8)
    if (databaseKey === 0) return raw
    const key = Buffer.alloc(4)
    key.writeUInt32LE((databaseKey ^ page) >>> 0)
    return rc4(key, raw)
  }
  return { pageSize, header }
}

/** The first table definition page found on a loop, or null when every chain ends. */
export function loopingDefinitionPage(file: Buffer): number | null {
  const pages = pageHeaders(file)
  if (!pages) return null
  const count = Math.floor(file.length / pages.pageSize)
  const next = new Map<number, number>()
  for (let page = 1; page < count; page++) {
    const header = pages.header(page)
    if (header[0] === tableDefinitionType) next.set(page, header.readUInt32LE(4))
  }
  const done = new Set<number>()
  for (const start of next.keys()) {
    const path = new Set<number>()
    for (let page: number | undefined = start; page !== undefined && page > 0 && !done.has(page); page = next.get(page)) {
      if (path.has(page)) return page
      path.add(page)
    }
    for (const p of path) done.add(p)
  }
  return null
}
