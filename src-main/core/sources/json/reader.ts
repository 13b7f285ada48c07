/**
 * JSON and NDJSON (JSON Lines). A JSON file is an array of records (one table) or an object whose
 * array-valued properties are tables ({"residents": [...], "contacts": [...]}); it is parsed
 * whole, so its size is capped. NDJSON is streamed line by line twice: once for the column names,
 * once for the rows, so any size works in flat memory.
 */
import fs from 'node:fs'
import { ApiError } from '../../../contract/errors'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { binaryKind, extensionOf, readHead } from '../sniff'
import { detectEncoding } from '../csv/encoding'
import { textChunks } from '../csv/text-stream'
import { cellsOf, ColumnUnion, flatten, hasUnsafeNumber } from './flatten'

/** Whole-file JSON above this size must be NDJSON instead (bounded memory). */
export const maxJsonBytes = 64 * 1024 * 1024

function firstChar(head: Uint8Array): string {
  const text = Buffer.from(head.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  return text[0] ?? ''
}

function rejected(ctx: ReaderContext, message: string, row?: number): ApiError {
  return new ApiError('IMPORT_REJECTED', `${ctx.displayName}: ${message}`, { file: ctx.displayName, ...(row ? { row } : {}) })
}

/** The union's columns, refused when there are more than a workspace table can hold. */
function columnsWithin(ctx: ReaderContext, union: ColumnUnion, table: string): string[] {
  const columns = union.names
  if (columns.length > ctx.limits.maxColumns) {
    throw rejected(ctx, `${table === ctx.displayName ? 'the records' : `the records of "${table}"`} have ${columns.length} different fields (nested fields count one each), more than the limit of ${ctx.limits.maxColumns} columns.`)
  }
  return columns
}

function tableOf(ctx: ReaderContext, name: string, records: unknown[], fileWarnings: string[]): SourceSheet {
  const union = new ColumnUnion()
  const flats = records.map((r) => flatten(r))
  flats.forEach((f) => union.add(f))
  const columns = columnsWithin(ctx, union, name)
  const warnings = [...fileWarnings]
  const unsafe = records.findIndex(hasUnsafeNumber)
  if (unsafe >= 0) warnings.push(`Record ${unsafe + 1} has a whole number too large to keep exactly; write such identifiers as strings in the JSON.`)
  async function* rows(): AsyncGenerator<SourceCells> {
    for (let i = 0; i < flats.length; i++) yield { rowNumber: i + 1, cells: cellsOf(flats[i]!, columns) }
  }
  return { name, sheet: null, hidden: false, columns, warnings, rows: rows() }
}

/** A .json file that is really JSON Lines: its first line is a whole record. */
function looksLikeJsonLines(text: string): boolean {
  const first = text.slice(0, text.indexOf('\n') >>> 0).trim()
  try {
    return first.startsWith('{') && typeof JSON.parse(first) === 'object'
  } catch {
    return false
  }
}

function isRecordArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0 && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))
}

async function* jsonSheets(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const size = fs.statSync(ctx.filePath).size
  if (size > maxJsonBytes) throw rejected(ctx, `JSON files over ${maxJsonBytes / 1024 / 1024} MB must be saved as NDJSON (one record per line).`)
  const text = fs.readFileSync(ctx.filePath, 'utf8').replace(/^\uFEFF/, '')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    if (looksLikeJsonLines(text)) return yield* ndjsonSheets(ctx)
    throw rejected(ctx, `this is not valid JSON (${(err as Error).message}).`)
  }
  ctx.onBytes(size)
  if (Array.isArray(data)) {
    yield tableOf(ctx, ctx.displayName, data, [])
    return
  }
  if (data === null || typeof data !== 'object') throw rejected(ctx, 'the JSON holds a single value, not records.')
  const tables = Object.entries(data).filter(([, v]) => isRecordArray(v))
  if (tables.length === 0) {
    yield tableOf(ctx, ctx.displayName, [data], [])
    return
  }
  for (const [key, records] of tables) yield tableOf(ctx, key, records as unknown[], [])
}

/** NDJSON lines in batches (blank lines skipped), numbered from 1. */
async function* ndjsonLines(ctx: ReaderContext, onBytes: (n: number) => void): AsyncGenerator<{ line: number; value: unknown }[]> {
  const { encoding, bomLength } = detectEncoding(ctx.filePath, readHead(ctx.filePath, 4), ctx.options.encoding, ctx.displayName)
  let rest = ''
  let line = 0
  for await (const chunk of textChunks(ctx.filePath, encoding, bomLength, onBytes)) {
    const parts = (rest + chunk.text).split('\n')
    rest = chunk.final ? '' : parts.pop()!
    const batch: { line: number; value: unknown }[] = []
    for (const text of parts) {
      line++
      if (text.trim() === '') continue
      try {
        batch.push({ line, value: JSON.parse(text) })
      } catch {
        throw rejected(ctx, `line ${line} is not valid JSON.`, line)
      }
    }
    if (rest.length > ctx.limits.maxCellChars * 4) throw rejected(ctx, `line ${line + 1} is too long.`, line + 1)
    if (batch.length) yield batch
  }
}

async function* ndjsonSheets(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const union = new ColumnUnion()
  for await (const batch of ndjsonLines(ctx, () => {})) for (const { value } of batch) union.add(flatten(value))
  const columns = columnsWithin(ctx, union, ctx.displayName)
  const warnings: string[] = []
  async function* batches(): AsyncGenerator<SourceCells[]> {
    for await (const batch of ndjsonLines(ctx, ctx.onBytes)) {
      yield batch.map(({ line, value }) => {
        if (hasUnsafeNumber(value) && warnings.length === 0) warnings.push(`Line ${line} has a whole number too large to keep exactly; write such identifiers as strings.`)
        return { rowNumber: line, cells: cellsOf(flatten(value), columns) }
      })
    }
  }
  async function* rows(): AsyncGenerator<SourceCells> {
    for await (const batch of batches()) yield* batch
  }
  yield { name: ctx.displayName, sheet: null, hidden: false, columns, warnings, rows: rows(), batches: batches() }
}

export const jsonReader: SourceReader = {
  format: 'json',
  detect: (head, fileName) => extensionOf(fileName) === 'json' && binaryKind(head) === null && ['[', '{'].includes(firstChar(head)),
  sheets: jsonSheets,
}

export const ndjsonReader: SourceReader = {
  format: 'ndjson',
  detect: (head, fileName) => ['ndjson', 'jsonl'].includes(extensionOf(fileName)) && binaryKind(head) === null && firstChar(head) === '{',
  sheets: ndjsonSheets,
}
