/**
 * Imports one sheet/table: finds its header, creates `raw_<tableId>`, streams the rows in, keeps
 * extra cells in extra columns, reports ragged and blank rows, and (for a newer export with a key
 * column) keeps row identities and counts what changed. Runs inside the import transaction.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import { chooseHeader, headerSampleRows, sqlColumnName, uniqueColumnNames } from './header'
import type { HeaderChoice } from './header'
import { diffTables, keyOrdinal, previousTable, RowIdentity } from './identity'
import type { ImportProgress } from './progress'
import { headerRowFor } from './reader'
import type { SourceCells, SourceSheet } from './reader'
import { RawTableWriter } from './table-writer'
import type { ImportedTable, ImportOptions } from './types'
import { RowNotes } from './row-notes'

export interface SheetJob {
  db: Database.Database
  sourceId: number
  fileName: string
  options: ImportOptions
  progress: ImportProgress
  previousSourceId: number | null
  /** Only text formats have a meaningful "number of cells per row" (spreadsheets omit empty cells). */
  reportShortRows: boolean
  /** First table of the source: it may continue a previous export's only table even if renamed. */
  singleTable: boolean
}

type BatchIterator = AsyncIterator<SourceCells[]>

async function* inBatches(rows: AsyncIterable<SourceCells>, size = 2000): AsyncGenerator<SourceCells[]> {
  let batch: SourceCells[] = []
  for await (const row of rows) {
    batch.push(row)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

/** Reads rows until the header can be decided (or the forced header row has been seen). */
async function sampleHead(it: BatchIterator, forcedRow: number | undefined): Promise<{ sample: SourceCells[]; done: boolean }> {
  const sample: SourceCells[] = []
  for (;;) {
    const enough = sample.length >= headerSampleRows && (forcedRow === undefined || (sample.at(-1)?.rowNumber ?? 0) >= forcedRow)
    if (enough) return { sample, done: false }
    const next = await it.next()
    if (next.done) return { sample, done: true }
    sample.push(...next.value)
  }
}

function usedLength(cells: (string | null)[]): number {
  let n = cells.length
  while (n > 0) {
    const c = cells[n - 1]
    if (c !== null && c !== undefined && c !== '') break
    n--
  }
  return n
}

/** No value at all. Spaces are a value: a row of them is kept, byte for byte, like any other. */
function isBlank(cells: (string | null)[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && c !== '') return false
  return true
}

function insertTableRow(job: SheetJob, sheet: SourceSheet): number {
  const info = job.db
    .prepare('INSERT INTO source_table (source_id, name, sheet, hidden, data_table) VALUES (?, ?, ?, ?, ?)')
    .run(job.sourceId, sheet.name, sheet.sheet, sheet.hidden ? 1 : 0, `raw_pending_${job.sourceId}`)
  const tableId = Number(info.lastInsertRowid)
  job.db.prepare('UPDATE source_table SET data_table = ? WHERE id = ?').run(`raw_${tableId}`, tableId)
  return tableId
}

async function decideHeader(job: SheetJob, sheet: SourceSheet, it: BatchIterator) {
  if (sheet.columns) return { choice: { headerRow: 0, labels: sheet.columns, titleRows: [], dataRows: [] } as HeaderChoice, done: false, given: true }
  const forced = headerRowFor(job.options, sheet.name)
  const { sample, done } = await sampleHead(it, forced)
  const choice = chooseHeader(sample, forced)
  if (!choice) {
    throw new ApiError('IMPORT_REJECTED', `${job.fileName} has no row ${forced} to use as the header.`, { file: job.fileName, ...(sheet.sheet ? { sheet: sheet.sheet } : {}) })
  }
  return { choice, done, given: false }
}

export async function writeSheet(job: SheetJob, sheet: SourceSheet): Promise<ImportedTable> {
  const tableId = insertTableRow(job, sheet)
  const it: BatchIterator = (sheet.batches ?? inBatches(sheet.rows))[Symbol.asyncIterator]()
  try {
    return await writeRows(job, sheet, tableId, it)
  } catch (err) {
    // Let the reader release what it holds (a parse worker, an open file) before the rollback.
    await it.return?.()
    throw err
  }
}

async function writeRows(job: SheetJob, sheet: SourceSheet, tableId: number, it: BatchIterator): Promise<ImportedTable> {
  const { choice, done, given } = await decideHeader(job, sheet, it)
  const labels = [...choice.labels]
  // With a header, the header sets the width (longer rows are then reported); without one, the
  // widest sampled row. In text files every cell of the header counts, a blank last one too
  // ("Name,NHS,"), so the empty cells under it stay empty text rather than becoming "no value".
  const headerCells = job.reportShortRows ? labels.length : usedLength(labels)
  const headerWidth = given ? labels.length : Math.max(1, choice.headerRow > 0 ? headerCells : Math.max(0, ...choice.dataRows.map((r) => usedLength(r.cells))))
  const notes = new RowNotes(headerWidth, job.reportShortRows && !given && choice.headerRow > 0)
  let names = uniqueColumnNames(labels, headerWidth)

  const keyAt = job.options.keyColumn ? keyOrdinal(names, job.options.keyColumn, job.fileName) : -1
  const previous = job.previousSourceId !== null ? previousTable(job.db, job.previousSourceId, sheet.name, job.singleTable) : null
  const identity = keyAt >= 0 ? new RowIdentity(job.db, previous, job.options.keyColumn!) : null
  const writer = new RawTableWriter(job.db, `raw_${tableId}`, headerWidth, identity !== null)

  const addRows = (rows: SourceCells[]): void => {
    for (const row of rows) {
      const cells = row.cells
      if (isBlank(cells)) {
        notes.blank(row.rowNumber)
        continue
      }
      if (cells.length !== headerWidth) {
        const used = usedLength(cells)
        if (used > writer.columnCount) {
          const from = writer.columnCount
          writer.widen(used)
          names = uniqueColumnNames(labels, used)
          notes.newColumns(names.slice(from))
        }
        notes.checkWidth(row.rowNumber, cells.length, used)
      }
      writer.add(identity ? identity.idFor(cells[keyAt]) : null, row.rowNumber, cells, row.line)
    }
  }

  addRows(choice.dataRows)
  await job.progress.afterBatch(choice.dataRows.length)
  if (!done) {
    for (let next = await it.next(); !next.done; next = await it.next()) {
      addRows(next.value)
      await job.progress.afterBatch(next.value.length)
    }
  }
  writer.flush()

  const warnings = [...sheet.warnings, ...notes.titles(choice.titleRows), ...notes.summary(), ...(identity ? identityNotes(identity, job.options.keyColumn!) : [])]
  recordTable(job.db, tableId, names, {
    headerRow: given ? null : choice.headerRow,
    rows: writer.rowCount,
    previousTableId: previous?.id ?? null,
    keyColumn: job.options.keyColumn ?? null,
    lastRowId: identity ? identity.lastRowId : writer.rowCount,
    warnings,
  })
  return {
    id: tableId,
    name: sheet.name,
    sheet: sheet.sheet,
    hidden: sheet.hidden,
    headerRow: given ? null : choice.headerRow,
    rows: writer.rowCount,
    columns: names,
    warnings,
    changes: previous && identity ? diffTables(job.db, `raw_${tableId}`, names, previous) : null,
  }
}

function identityNotes(identity: RowIdentity, keyColumn: string): string[] {
  const notes: string[] = []
  if (identity.blankKeys) notes.push(`${identity.blankKeys} rows have no ${keyColumn}; each is treated as a new row.`)
  if (identity.repeatedKeys) notes.push(`${identity.repeatedKeys} rows repeat a ${keyColumn} used by an earlier row; they are matched in file order.`)
  return notes
}

interface TableFacts {
  headerRow: number | null
  rows: number
  previousTableId: number | null
  keyColumn: string | null
  lastRowId: number
  warnings: string[]
}

function recordTable(db: Database.Database, tableId: number, names: string[], facts: TableFacts): void {
  const column = db.prepare('INSERT INTO source_column (table_id, ordinal, name, sql_name) VALUES (?, ?, ?, ?)')
  names.forEach((name, i) => column.run(tableId, i, name, sqlColumnName(i)))
  db.prepare(
    `UPDATE source_table SET header_row = ?, row_count = ?, previous_table_id = ?, key_column = ?, last_row_id = ?, warnings_json = ? WHERE id = ?`,
  ).run(facts.headerRow, facts.rows, facts.previousTableId, facts.keyColumn, facts.lastRowId, JSON.stringify(facts.warnings), tableId)
}
