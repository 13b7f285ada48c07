/**
 * A look at a file before importing it: the detected format, encoding and delimiter, every sheet
 * (with hidden flags), the header row the import would use, the columns and the first rows.
 * Nothing is written; only the start of each sheet is read.
 */
import { chooseHeader, headerSampleRows, uniqueColumnNames } from './header'
import { openSource, readerContext } from './import'
import type { ImportInput } from './import'
import type { SheetPreview, SourcePreview } from '../../contract/methods/sources'
import { headerRowFor } from './reader'
import type { ReadOptions, SourceCells, SourceSheet } from './reader'
import { RowNotes } from './row-notes'
import type { ImportJob } from './types'

export const previewRows = 20

async function firstRows(sheet: SourceSheet, wanted: number): Promise<SourceCells[]> {
  const rows: SourceCells[] = []
  const it = (sheet.batches ?? null)?.[Symbol.asyncIterator]()
  if (it) {
    for (let next = await it.next(); !next.done && rows.length < wanted; next = await it.next()) rows.push(...next.value)
    await it.return?.()
  } else {
    for await (const row of sheet.rows) {
      rows.push(row)
      if (rows.length >= wanted) break
    }
  }
  return rows.slice(0, wanted)
}

async function previewSheet(sheet: SourceSheet, headerRow: number | undefined): Promise<SheetPreview> {
  const base = { name: sheet.name, sheet: sheet.sheet, hidden: sheet.hidden, warnings: sheet.warnings }
  if (sheet.columns) {
    const rows = await firstRows(sheet, previewRows)
    return { ...base, headerRow: null, columns: uniqueColumnNames(sheet.columns, sheet.columns.length), rows }
  }
  const sample = await firstRows(sheet, Math.max(headerSampleRows, (headerRow ?? 0) + 1) + previewRows)
  const choice = chooseHeader(sample, headerRow)
  if (!choice) return { ...base, headerRow: null, columns: [], rows: [], warnings: [...sheet.warnings, `There is no row ${headerRow} to use as the header.`] }
  const data = choice.dataRows.filter((r) => r.cells.some((c) => c !== null && c.trim() !== ''))
  const width = Math.max(choice.labels.length, ...data.map((r) => r.cells.length))
  return { ...base, headerRow: choice.headerRow, columns: uniqueColumnNames(choice.labels, width), rows: data.slice(0, previewRows).map(({ rowNumber, cells }) => ({ rowNumber, cells })), warnings: [...sheet.warnings, ...new RowNotes(width, false).titles(choice.titleRows)] }
}

const noJob: Pick<ImportJob, 'throwIfCancelled'> = { throwIfCancelled: () => {} }

/** The preview of every sheet a reader yields, and the settings the readers detected. */
export async function previewSheets(source: AsyncIterable<SourceSheet>, options: ReadOptions = {}): Promise<{ sheets: SheetPreview[]; detected: NonNullable<SourceSheet['detected']> }> {
  const sheets: SheetPreview[] = []
  let detected: NonNullable<SourceSheet['detected']> = {}
  for await (const sheet of source) {
    detected = { ...detected, ...sheet.detected }
    sheets.push(await previewSheet(sheet, headerRowFor(options, sheet.name)))
  }
  return { sheets, detected }
}

export async function previewSource(input: ImportInput): Promise<SourcePreview> {
  const { reader, sizeBytes } = openSource(input.filePath, input.displayName, input.options, input.reader)
  const { sheets, detected } = await previewSheets(reader.sheets(readerContext(input, noJob)), input.options)
  return {
    fileName: input.displayName,
    format: reader.format,
    sizeBytes,
    encoding: detected.encoding ?? null,
    delimiter: detected.delimiter ?? null,
    sheets,
    warnings: [],
  }
}
