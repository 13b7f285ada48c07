/**
 * XLSX reader: every worksheet (hidden ones flagged), streamed row by row as text with the sheet's
 * real row numbers. Hostile or broken files are refused with IMPORT_REJECTED naming file, sheet
 * and row: ZIP guards run before any XML is parsed (see zip.ts), sheet limits while it is read.
 */
import path from 'node:path'
import { ApiError } from '../../../contract/errors'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { readHead } from '../sniff'
import { cfbKind, containerOf } from './container'
import { importRejected, ReaderProblem } from './rejection'
import { readSheetRows } from './sheet'
import type { SheetTally } from './sheet'
import { readWorkbook } from './workbook'
import type { SheetEntry, WorkbookInfo } from './workbook'
import { ZipArchive } from './zip'

const xlsxExtensions = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm'])

async function refuseNonZip(ctx: ReaderContext, head: Uint8Array): Promise<never> {
  if (containerOf(head) === 'cfb') {
    const kind = await cfbKind(ctx.filePath)
    if (kind === 'encrypted-ooxml') throw importRejected(ctx, 'it is password-protected; remove the password in Excel and export again')
    if (kind === 'legacy-workbook') throw importRejected(ctx, 'it is an Excel 97–2003 (.xls) workbook with an .xlsx name; rename it to .xls, or open it in Excel and save it as .xlsx')
  }
  throw importRejected(ctx, 'it is not an Excel workbook (.xlsx); if it is a CSV or another format, give it the matching file extension')
}

function rejection(ctx: ReaderContext, e: unknown, sheet?: string): unknown {
  if (e instanceof ReaderProblem) {
    const where: { sheet?: string; row?: number } = {}
    if (sheet !== undefined) where.sheet = sheet
    if (e.row !== undefined) where.row = e.row
    return importRejected(ctx, e.message, where)
  }
  if (e instanceof ApiError) return e
  return importRejected(ctx, `it could not be read (${(e as Error).message})`, sheet === undefined ? {} : { sheet })
}

function tallyWarnings(tally: SheetTally): string[] {
  const warnings: string[] = []
  if (tally.merged.length) {
    const shown = tally.merged.slice(0, 5).join(', ') + (tally.merged.length > 5 ? ', …' : '')
    warnings.push(
      `${tally.merged.length} merged cell range(s) (${shown}): each value was kept in the range's top-left cell and the other cells left empty.`,
    )
  }
  if (tally.formulas) warnings.push(`${tally.formulas} formula cell(s): their last calculated values were imported; formulas were not recalculated.`)
  if (tally.errors) warnings.push(`${tally.errors} cell(s) show an Excel error such as #N/A or #DIV/0!; they were imported as that text.`)
  return warnings
}

/** Progress in file bytes: each inflated chunk counts as its share of the part's compressed size. */
function progressFor(ctx: ReaderContext, zip: ZipArchive, part: string, consumed: { bytes: number }) {
  const entry = zip.entries.get(part)
  const scale = entry && entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0
  return (bytes: number): void => {
    consumed.bytes += bytes * scale
    ctx.onBytes(Math.round(consumed.bytes))
    ctx.throwIfCancelled()
  }
}

async function* sheetRows(
  ctx: ReaderContext,
  zip: ZipArchive,
  book: WorkbookInfo,
  entry: SheetEntry,
  warnings: string[],
  consumed: { bytes: number },
): AsyncGenerator<SourceCells> {
  const tally: SheetTally = { merged: [], formulas: 0, errors: 0 }
  try {
    yield* readSheetRows(zip, entry.part, book, ctx.limits, tally, progressFor(ctx, zip, entry.part, consumed))
  } catch (e) {
    throw rejection(ctx, e, entry.name)
  }
  // Merged ranges and tallies are only known at the end of the sheet's XML.
  warnings.push(...tallyWarnings(tally))
}

async function openWorkbook(ctx: ReaderContext): Promise<{ zip: ZipArchive; book: WorkbookInfo }> {
  const head = readHead(ctx.filePath)
  if (containerOf(head) !== 'zip') return refuseNonZip(ctx, head)
  try {
    const zip = ZipArchive.open(ctx.filePath, ctx.limits)
    const book = await readWorkbook(zip, ctx.limits.maxCellChars)
    if (book.sheets.length === 0) throw new ReaderProblem('it contains no worksheets')
    return { zip, book }
  } catch (e) {
    throw rejection(ctx, e)
  }
}

export async function* readXlsx(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const { zip, book } = await openWorkbook(ctx)
  const wanted = ctx.options.sheets
  const consumed = { bytes: 0 }
  const macros = zip.has('xl/vbaProject.bin')
  for (const entry of book.sheets) {
    if (wanted && !wanted.includes(entry.name)) continue
    const warnings: string[] = []
    if (entry.hidden) warnings.push(`Sheet "${entry.name}" is hidden in Excel; it was read like the others.`)
    if (macros) warnings.push('The workbook contains macros; they were not run.')
    yield {
      name: entry.name,
      sheet: entry.name,
      hidden: entry.hidden,
      columns: null,
      warnings,
      rows: sheetRows(ctx, zip, book, entry, warnings, consumed),
    }
  }
}

const spreadsheetPart = Buffer.from('xl/')

export const xlsxReader: SourceReader = {
  format: 'xlsx',
  // Claims every .xlsx-named file, whatever its bytes, so a renamed or encrypted file gets a specific
  // message; and a ZIP under another name whose first parts are spreadsheet parts (xl/...).
  detect: (head, fileName) =>
    xlsxExtensions.has(path.extname(fileName).toLowerCase()) || (containerOf(head) === 'zip' && Buffer.from(head).includes(spreadsheetPart)),
  sheets: readXlsx,
}
