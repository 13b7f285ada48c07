/**
 * The registry of format readers. Detection asks each reader whether it recognises the file's
 * first bytes and name; the text reader (CSV/TSV) is asked last, and only for bytes that are text,
 * so a workbook or database renamed to .csv is refused with a message saying what it really is.
 */
import { ApiError } from '../../contract/errors'
import { accessReader } from './access'
import { csvReader } from './csv/reader'
import { jsonReader, ndjsonReader } from './json/reader'
import type { SourceFormat, SourceReader } from './reader'
import { binaryKind, extensionOf } from './sniff'
import { sqliteReader } from './sqlite'
import { xlsReader } from './xls'
import { xlsxReader } from './xlsx'

/** Readers that recognise magic bytes first; the text reader (CSV) must stay last. */
const registry: SourceReader[] = [xlsxReader, xlsReader, accessReader, sqliteReader, jsonReader, ndjsonReader, csvReader]

/** Adds a reader, or replaces the one registered for the same format. */
export function registerReader(reader: SourceReader): void {
  const at = registry.findIndex((r) => r.format === reader.format)
  if (at >= 0) registry[at] = reader
  else registry.splice(registry.length - 1, 0, reader)
}

export function listReaders(): readonly SourceReader[] {
  return registry
}

export function readerForFormat(format: SourceFormat): SourceReader {
  const reader = registry.find((r) => r.format === format)
  if (!reader) throw new ApiError('IMPORT_REJECTED', `This version of MODS Migrate cannot read ${format} sources.`)
  return reader
}

const textExtensions = new Set(['csv', 'tsv', 'tab', 'txt', 'psv', 'json', 'ndjson', 'jsonl'])

export function detectReader(head: Uint8Array, fileName: string): SourceReader {
  const binary = binaryKind(head)
  const ext = extensionOf(fileName)
  if (binary && textExtensions.has(ext)) {
    throw new ApiError(
      'IMPORT_REJECTED',
      `${fileName} is not a text file: it looks like ${binary}. If it is a spreadsheet or database, import the original file; otherwise save it as CSV and try again.`,
      { file: fileName },
      { reason: 'binary-as-text', detected: binary },
    )
  }
  const text = registry.at(-1)!
  const found = registry.find((r) => r !== text && r.detect(head, fileName)) ?? (binary ? undefined : text)
  if (!found || !found.detect(head, fileName)) {
    throw new ApiError('IMPORT_REJECTED', `${fileName} is not a format MODS Migrate can read${binary ? ` (it looks like ${binary})` : ''}.`, { file: fileName }, { reason: 'unknown-format' })
  }
  return found
}
