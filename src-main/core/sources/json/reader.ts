/**
 * JSON and NDJSON (JSON Lines). A JSON file is an array of records (one table) or an object whose
 * properties holding records are tables ({"residents": [...], "contacts": [...]}); its other
 * properties become one more one-row table, so nothing is left behind. It is parsed whole, so its
 * size is capped. NDJSON is streamed line by line twice: once for the column names, once for the
 * rows, so any size works in flat memory. Both are decoded like CSV (BOM, UTF-16, UTF-8, else a
 * single-byte guess).
 */
import fs from 'node:fs'
import { ApiError } from '../../../contract/errors'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { binaryKind, extensionOf, readHead } from '../sniff'
import { detectEncoding, textDecoder } from '../csv/encoding'
import type { TextEncoding } from '../csv/encoding'
import { textChunks } from '../csv/text-stream'
import { cellsOf, ColumnUnion, nameColumns } from './columns'
import type { Columns } from './columns'
import { flattenElement, isRecord, wellFormed } from './flatten'
import { ElementNotes } from './notes'

/** Whole-file JSON above this size must be NDJSON instead (bounded memory). */
export const maxJsonBytes = 64 * 1024 * 1024

function rejected(ctx: ReaderContext, message: string, row?: number): ApiError {
  return new ApiError('IMPORT_REJECTED', `${ctx.displayName}: ${message}`, { file: ctx.displayName, ...(row ? { row } : {}) })
}

function encodingOf(ctx: ReaderContext): TextEncoding {
  return detectEncoding(ctx.filePath, readHead(ctx.filePath), ctx.options.encoding, ctx.displayName)
}

/** Column names for the union's fields, refused when there are more than a workspace table can hold. */
function columnsWithin(ctx: ReaderContext, union: ColumnUnion, table: string): Columns {
  const keys = union.keys
  if (keys.length > ctx.limits.maxColumns) {
    throw rejected(ctx, `${table === ctx.displayName ? 'the records' : `the records of "${table}"`} have ${keys.length} different fields (nested fields count one each), more than the limit of ${ctx.limits.maxColumns} columns.`)
  }
  return nameColumns(keys)
}

function warningsOf(columns: Columns, notes: ElementNotes): string[] {
  const nameOf = (key: string) => columns.names[columns.keys.indexOf(key)] ?? key
  return [...columns.warnings, ...notes.warnings(nameOf)]
}

function tableOf(ctx: ReaderContext, name: string, elements: unknown[], encoding: string, warnings: string[] = []): SourceSheet {
  const flats = elements.map(flattenElement)
  const union = new ColumnUnion()
  const notes = new ElementNotes('Element')
  flats.forEach((flat, i) => {
    if (flat) union.add(flat.cells)
    notes.add(i + 1, elements[i], flat)
  })
  const columns = columnsWithin(ctx, union, name)
  async function* rows(): AsyncGenerator<SourceCells> {
    for (const [i, flat] of flats.entries()) if (flat) yield { rowNumber: i + 1, cells: cellsOf(flat.cells, columns.keys) }
  }
  return { name, sheet: null, hidden: false, columns: columns.names, warnings: [...warnings, ...warningsOf(columns, notes)], rows: rows(), detected: { encoding } }
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

/** A property that is a table: a list with at least one record in it. */
function holdsRecords(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.some(isRecord)
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** The tables of a parsed JSON file: see the header comment. */
function* tablesOf(ctx: ReaderContext, data: unknown, encoding: string): Generator<SourceSheet> {
  if (Array.isArray(data)) return yield tableOf(ctx, ctx.displayName, data, encoding)
  if (!isRecord(data)) throw rejected(ctx, `the JSON is a single value (${describeValue(data)}), not records; import a list of records ([{…}, {…}]) or an object holding such lists.`)
  const entries = Object.entries(data)
  const tables = entries.filter(([, v]) => holdsRecords(v))
  // An object without lists of records is one record; "{}" is an empty table, like "[]".
  if (tables.length === 0) return yield tableOf(ctx, ctx.displayName, entries.length ? [data] : [], encoding)
  for (const [name, records] of tables) yield tableOf(ctx, name, records as unknown[], encoding)
  const rest = entries.filter(([, v]) => !holdsRecords(v))
  if (rest.length === 0) return
  const fields = rest.map(([k]) => `"${wellFormed(k)}"`).join(', ')
  const note = rest.length === 1 ? `The field ${fields} of the JSON object is not a list of records; it was` : `The fields ${fields} of the JSON object are not lists of records; they were`
  yield tableOf(ctx, ctx.displayName, [Object.fromEntries(rest)], encoding, [`${note} imported as the one row of this table.`])
}

function decodedText(ctx: ReaderContext, { encoding, bomLength }: TextEncoding): string {
  const decoder = textDecoder(encoding)
  return decoder.write(fs.readFileSync(ctx.filePath).subarray(bomLength)) + decoder.end()
}

async function* jsonSheets(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const size = fs.statSync(ctx.filePath).size
  if (size > maxJsonBytes) throw rejected(ctx, `JSON files over ${maxJsonBytes / 1024 / 1024} MB must be saved as NDJSON (one record per line).`)
  const encoding = encodingOf(ctx)
  const text = decodedText(ctx, encoding)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    if (looksLikeJsonLines(text)) return yield* ndjsonSheets(ctx)
    throw rejected(ctx, `this is not valid JSON (${(err as Error).message}).`)
  }
  ctx.onBytes(size)
  yield* tablesOf(ctx, data, encoding.encoding)
}

/** NDJSON lines in batches (blank lines skipped), numbered from 1. */
async function* ndjsonLines(ctx: ReaderContext, { encoding, bomLength }: TextEncoding, onBytes: (n: number) => void): AsyncGenerator<{ line: number; value: unknown }[]> {
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
  const encoding = encodingOf(ctx)
  const union = new ColumnUnion()
  for await (const batch of ndjsonLines(ctx, encoding, () => {})) {
    for (const { value } of batch) {
      const flat = flattenElement(value)
      if (flat) union.add(flat.cells)
    }
  }
  const columns = columnsWithin(ctx, union, ctx.displayName)
  const notes = new ElementNotes('Line')
  const warnings: string[] = []
  async function* batches(): AsyncGenerator<SourceCells[]> {
    for await (const batch of ndjsonLines(ctx, encoding, ctx.onBytes)) {
      const rows: SourceCells[] = []
      for (const { line, value } of batch) {
        const flat = flattenElement(value)
        notes.add(line, value, flat)
        if (flat) rows.push({ rowNumber: line, cells: cellsOf(flat.cells, columns.keys) })
      }
      if (rows.length) yield rows
    }
    // The engine reads the warnings after the rows, so they are complete by then.
    warnings.push(...warningsOf(columns, notes))
  }
  async function* rows(): AsyncGenerator<SourceCells> {
    for await (const batch of batches()) yield* batch
  }
  yield { name: ctx.displayName, sheet: null, hidden: false, columns: columns.names, warnings, rows: rows(), batches: batches(), detected: { encoding: encoding.encoding } }
}

/** Any text file with a JSON name is read as JSON, so that bad JSON is refused rather than read as CSV. */
const textNamed = (extensions: string[]) => (head: Uint8Array, fileName: string) => extensions.includes(extensionOf(fileName)) && binaryKind(head) === null

export const jsonReader: SourceReader = {
  format: 'json',
  detect: textNamed(['json']),
  sheets: jsonSheets,
}

export const ndjsonReader: SourceReader = {
  format: 'ndjson',
  detect: textNamed(['ndjson', 'jsonl']),
  sheets: ndjsonSheets,
}
