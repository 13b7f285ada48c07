/**
 * Test-only writer of minimal Jet 4 (Access 2000-2003) .mdb files, and of ACE (Access 2007+)
 * .accdb files, so the Access reader can be tested against real files: no tool here writes Access
 * files (mdb-reader and mdbtools only read). ACE keeps Jet 4's page layout; only page 0 differs.
 * Written from the Jet 4 format notes of the mdbtools project (HACKING.md) and checked with two
 * independent readers, mdb-reader and mdbtools. Only what readers need: the database definition
 * page, the MSysObjects catalogue on page 2, one table definition page per table, data pages and
 * inline (type 0) usage maps, optionally "encoded" pages. No indexes; memo values are stored in the
 * row (or given as a raw 12-byte long-value reference, to point at pages a test writes itself).
 *
 * Layout: page 0 header, page 1 holds every usage map, page 2 the MSysObjects definition, then one
 * definition page per user table, then each table's data pages.
 */
import fs from 'node:fs'
// The cipher is the engine's; mdb-reader decodes these files with its own, so both stay checked.
import { rc4 } from '../../src-main/core/sources/access/rc4'

export type Jet4Value = string | number | Date | boolean | Buffer | null
export type Jet4ColumnType = 'text' | 'memo' | 'long' | 'double' | 'datetime' | 'boolean'
export interface Jet4Column {
  name: string
  type: Jet4ColumnType
}
/** OLE (long binary) only appears, always empty, as the catalogue's LvProp column, which mdbtools requires. */
type StoredType = Jet4ColumnType | 'ole'
interface StoredColumn {
  name: string
  type: StoredType
}
export interface Jet4Table {
  name: string
  columns: Jet4Column[]
  rows: Jet4Value[][]
}

const pageSize = 4096
const dataPageHeader = 14
const firstTableDefinitionPage = 3
const usageMapBytes = 64
/** Pages a type 0 usage map can name: its bitmap follows a type byte and a 4-byte start page. */
const mappablePages = (usageMapBytes - 5) * 8
const textMaxBytes = 510
const epochDays = 25569 // days from 1899-12-30, Access's day 0, to 1970-01-01
const headerKey = [0xc7, 0xda, 0x39, 0x6b]

/** Page 0's engine name and version byte (0x14); readers pick the format from the version byte. */
const formats = {
  jet4: { signature: 'Standard Jet DB', version: 1 },
  ace12: { signature: 'Standard ACE DB', version: 2 }, // Access 2007
  ace14: { signature: 'Standard ACE DB', version: 3 }, // Access 2010
} as const
export type AccessFileFormat = keyof typeof formats

interface TypeInfo {
  code: number
  fixedSize: number | null
}
const types: Record<StoredType, TypeInfo> = {
  boolean: { code: 0x01, fixedSize: 0 },
  long: { code: 0x04, fixedSize: 4 },
  double: { code: 0x07, fixedSize: 8 },
  datetime: { code: 0x08, fixedSize: 8 },
  text: { code: 0x0a, fixedSize: null },
  memo: { code: 0x0c, fixedSize: null },
  ole: { code: 0x0b, fixedSize: null },
}

interface PlacedColumn extends StoredColumn {
  number: number
  fixedOffset: number
  varIndex: number
}

interface Layout {
  columns: PlacedColumn[]
  fixedBytes: number
  varCount: number
}

function layoutOf(columns: StoredColumn[]): Layout {
  let fixedBytes = 0
  let varCount = 0
  const placed = columns.map((c, number) => {
    const size = types[c.type].fixedSize
    const p = { ...c, number, fixedOffset: size === null ? 0 : fixedBytes, varIndex: size === null ? varCount++ : 0 }
    fixedBytes += size ?? 0
    return p
  })
  return { columns: placed, fixedBytes, varCount }
}

/** Access's "Unicode compression": text whose characters all fit in one byte is stored as 0xFF 0xFE + one byte each. */
export function encodeText(text: string): Buffer {
  const oneByte = text.length > 0 && [...text].every((ch) => ch.charCodeAt(0) >= 1 && ch.charCodeAt(0) <= 0xff && ch.length === 1)
  return oneByte ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'latin1')]) : Buffer.from(text, 'utf16le')
}

/** A memo stored in the row: 3-byte length, type 0x80 ("this page"), 8 unused bytes, then the text. */
function inlineMemo(text: string): Buffer {
  const encoded = encodeText(text)
  const head = Buffer.alloc(12)
  head.writeUIntLE(encoded.length, 0, 3)
  head[3] = 0x80
  return Buffer.concat([head, encoded])
}

function writeFixed(target: Buffer, at: number, type: StoredType, value: Jet4Value): void {
  if (type === 'long') target.writeInt32LE(Number(value), at)
  else if (type === 'double') target.writeDoubleLE(Number(value), at)
  else if (type === 'datetime') target.writeDoubleLE((value as Date).getTime() / 86_400_000 + epochDays, at)
}

/** One row: column count, fixed columns, variable columns, then (reversed) offsets, count and null mask. */
function encodeRow(layout: Layout, values: Jet4Value[]): Buffer {
  const count = layout.columns.length
  const fixed = Buffer.alloc(layout.fixedBytes)
  const nullMask = Buffer.alloc(Math.ceil(count / 8))
  const varParts: Buffer[] = Array.from({ length: layout.varCount }, () => Buffer.alloc(0))
  for (const col of layout.columns) {
    const value = values[col.number] ?? null
    if (value === null || value === false) continue
    nullMask[col.number >> 3]! |= 1 << (col.number & 7) // a set bit means "not null"; for booleans it is the value
    if (col.type === 'ole') throw new Error('jet4-writer: OLE values are not supported')
    if (col.type === 'text') varParts[col.varIndex] = encodeText(String(value))
    else if (col.type === 'memo') varParts[col.varIndex] = Buffer.isBuffer(value) ? value : inlineMemo(String(value))
    else writeFixed(fixed, col.fixedOffset, col.type, value)
  }
  const head = Buffer.alloc(2)
  head.writeUInt16LE(count)
  if (layout.varCount === 0) return Buffer.concat([head, fixed, nullMask])
  const offsets: number[] = []
  let at = 2 + layout.fixedBytes
  for (const part of varParts) {
    offsets.push(at)
    at += part.length
  }
  const table = Buffer.alloc(2 * (layout.varCount + 2))
  ;[at, ...offsets.reverse(), layout.varCount].forEach((n, i) => table.writeUInt16LE(n, 2 * i))
  return Buffer.concat([head, fixed, ...varParts, table, nullMask])
}

function ucs2Name(name: string): Buffer {
  const text = Buffer.from(name, 'utf16le')
  const length = Buffer.alloc(2)
  length.writeUInt16LE(text.length)
  return Buffer.concat([length, text])
}

function columnDescriptor(col: PlacedColumn): Buffer {
  const d = Buffer.alloc(25)
  const info = types[col.type]
  d[0] = info.code
  d.writeUInt16LE(col.number, 5)
  d.writeUInt16LE(col.varIndex, 7)
  d.writeUInt16LE(col.number, 9)
  if (col.type === 'text') d.writeUInt16LE(0x409, 11) // General sort order
  d[15] = (info.fixedSize === null ? 0 : 0x01) | 0x02 // fixed length, nullable
  if (col.type === 'text') d[16] = 0x01 // Unicode compression allowed
  d.writeUInt16LE(col.fixedOffset, 21)
  d.writeUInt16LE(info.fixedSize ?? (col.type === 'text' ? textMaxBytes : 0), 23)
  return d
}

/** `usedMap`/`freeMap` are row pointers: page number << 8 | row number. */
function tableDefinitionPage(layout: Layout, rowCount: number, system: boolean, usedMap: number, freeMap: number): Buffer {
  const page = Buffer.alloc(pageSize)
  page[0] = 0x02
  page[1] = 0x01
  page.writeUInt32LE(rowCount, 16)
  page[40] = system ? 0x53 : 0x4e
  page.writeUInt16LE(layout.columns.length, 41)
  page.writeUInt16LE(layout.varCount, 43)
  page.writeUInt16LE(layout.columns.length, 45)
  page.writeUInt32LE(usedMap, 55)
  page.writeUInt32LE(freeMap, 59)
  const terminator = Buffer.from([0xff, 0xff])
  const body = Buffer.concat([...layout.columns.map(columnDescriptor), ...layout.columns.map((c) => ucs2Name(c.name)), terminator])
  if (63 + body.length > pageSize) throw new Error('jet4-writer: too many columns for one table definition page')
  body.copy(page, 63)
  page.writeUInt32LE(63 + body.length - 8, 8)
  page.writeUInt16LE(pageSize - 63 - body.length, 2)
  return page
}

/** A data page: header, row offsets from the top, rows stored from the end of the page backwards. */
function dataPage(owner: number, rows: Buffer[]): Buffer {
  const page = Buffer.alloc(pageSize)
  page[0] = 0x01
  page[1] = 0x01
  page.writeUInt32LE(owner, 4)
  page.writeUInt16LE(rows.length, 12)
  let end = pageSize
  rows.forEach((row, i) => {
    end -= row.length
    row.copy(page, end)
    page.writeUInt16LE(end, dataPageHeader + 2 * i)
  })
  page.writeUInt16LE(end - dataPageHeader - 2 * rows.length, 2)
  return page
}

function packRows(rows: Buffer[]): Buffer[][] {
  const pages: Buffer[][] = [[]]
  let free = pageSize - dataPageHeader
  for (const row of rows) {
    if (row.length + 2 > pageSize - dataPageHeader) throw new Error('jet4-writer: a row is larger than a page')
    if (row.length + 2 > free) {
      pages.push([])
      free = pageSize - dataPageHeader
    }
    pages.at(-1)!.push(row)
    free -= row.length + 2
  }
  return pages
}

function usageMap(pages: number[]): Buffer {
  const map = Buffer.alloc(usageMapBytes)
  for (const p of pages) {
    if (p >= mappablePages) throw new Error(`jet4-writer: page ${p} is beyond what an inline usage map can name`)
    map[5 + (p >> 3)]! |= 1 << (p & 7)
  }
  return map
}

/** Page 0: signature and version in clear, then 128 bytes masked with a fixed RC4 key (the same for Jet 4 and ACE). */
function databaseDefinitionPage(created: Date, databaseKey: number, format: AccessFileFormat): Buffer {
  // In ACE a key at 0x3e means Office encryption (a provider header on page 0), not page encoding.
  if (format !== 'jet4' && databaseKey !== 0) throw new Error('jet4-writer: only Jet 4 files can be encoded with a database key')
  const page = Buffer.alloc(pageSize)
  page.writeUInt32LE(0x100, 0)
  page.write(`${formats[format].signature}\0`, 4, 'latin1')
  page.writeUInt32LE(formats[format].version, 0x14)
  page.writeUInt16LE(1252, 0x3c) // code page
  page.writeUInt32LE(databaseKey, 0x3e) // non-zero: the other pages are "encoded" (see encodePage)
  const createdDays = created.getTime() / 86_400_000 + epochDays
  page.writeDoubleLE(createdDays, 0x72)
  // An empty password is stored as the mask derived from the creation date.
  for (let i = 0; i < 40; i += 4) page.writeInt32LE(Math.floor(createdDays), 0x42 + i)
  page.writeUInt16LE(0x409, 0x6e) // General sort order
  rc4(headerKey, page.subarray(0x18, 0x18 + 128)).copy(page, 0x18)
  return page
}

const catalogColumns: StoredColumn[] = [
  { name: 'Id', type: 'long' },
  { name: 'Name', type: 'text' },
  { name: 'Type', type: 'long' },
  { name: 'Flags', type: 'long' },
  { name: 'LvProp', type: 'ole' },
]
const systemObjectFlags = 0x80000002 | 0

/** Access's "Encode database": each page after the first is RC4-masked with the database key XOR its number. */
function encodePage(page: Buffer, n: number, databaseKey: number): Buffer {
  const key = Buffer.alloc(4)
  key.writeUInt32LE((databaseKey ^ n) >>> 0)
  return rc4(key, page)
}

export interface Jet4Options {
  created?: Date
  /** Non-zero writes an encoded (RC4-masked) database, as Access's "Encode database" does. Jet 4 only. */
  databaseKey?: number
  /** 'jet4' (the default) writes an .mdb; 'ace12' and 'ace14' an .accdb of Access 2007 and 2010. */
  format?: AccessFileFormat
}

/** The whole file as bytes (tests may mutate them). */
export function buildJet4Mdb(tables: Jet4Table[], { created = new Date(Date.UTC(2024, 0, 15)), databaseKey = 0, format = 'jet4' }: Jet4Options = {}): Buffer {
  const definitionPages = tables.map((_, i) => firstTableDefinitionPage + i)
  const catalog = {
    name: 'MSysObjects',
    columns: catalogColumns,
    rows: [[2, 'MSysObjects', 1, systemObjectFlags, null], ...tables.map((t, i) => [definitionPages[i]!, t.name, 1, 0, null])],
  }
  const all = [{ table: catalog, definitionPage: 2, system: true }, ...tables.map((table, i) => ({ table, definitionPage: definitionPages[i]!, system: false }))]
  const pages: Buffer[] = [databaseDefinitionPage(created, databaseKey, format), Buffer.alloc(0), Buffer.alloc(0), ...tables.map(() => Buffer.alloc(0))]
  const maps: Buffer[] = []
  for (const [n, { table, definitionPage, system }] of all.entries()) {
    const layout = layoutOf(table.columns)
    const rows = table.rows.map((r) => {
      if (r.length !== table.columns.length) throw new Error(`jet4-writer: a row of ${table.name} has ${r.length} values for ${table.columns.length} columns`)
      return encodeRow(layout, r)
    })
    const owned = packRows(rows).map((pageRows) => pages.push(dataPage(definitionPage, pageRows)) - 1)
    maps.push(usageMap(owned), usageMap([]))
    pages[definitionPage] = tableDefinitionPage(layout, table.rows.length, system, (1 << 8) | (2 * n), (1 << 8) | (2 * n + 1))
  }
  pages[1] = dataPage(0, maps)
  return Buffer.concat(databaseKey === 0 ? pages : pages.map((p, n) => (n === 0 ? p : encodePage(p, n, databaseKey))))
}

export function writeJet4Mdb(filePath: string, tables: Jet4Table[], options: Jet4Options = {}): void {
  fs.writeFileSync(filePath, buildJet4Mdb(tables, options))
}
