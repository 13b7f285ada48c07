/**
 * The contract between format readers (CSV, XLSX, XLS, Access, SQLite, PostgreSQL, MySQL, JSON)
 * and the import engine that writes their rows into the workspace. Readers only read: they never
 * touch the workspace. The engine detects header rows, stages and commits in one transaction.
 */
export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'access' | 'sqlite' | 'postgresql' | 'mysql' | 'json' | 'ndjson' | 'fhir'

export interface ReadOptions {
  /** Forced text encoding (CSV/text); detected when absent. */
  encoding?: string | undefined
  /** Forced delimiter (CSV/text); sniffed when absent. */
  delimiter?: string | undefined
  /** 1-based header row; detected when absent; 0 means "no header row". */
  headerRow?: number | undefined
  /** Header row per sheet (by name), overriding `headerRow` for that sheet. */
  headerRows?: Record<string, number> | undefined
  /** Only these sheets/tables; all when absent. */
  sheets?: string[] | undefined
}

/** The header row the user gave for this sheet, if any: its own, else the one for every sheet. */
export function headerRowFor(options: ReadOptions, sheetName: string): number | undefined {
  return options.headerRows?.[sheetName] ?? options.headerRow
}

/** Caps that protect against hostile files (zip bombs, absurd dimensions); see security.md §5. */
export interface ImportLimits {
  maxUncompressedBytes: number
  maxCompressionRatio: number
  maxColumns: number
  maxRows: number
  maxCellChars: number
  /** Longest one isolated reading step (opening a file, one batch of rows) may take before the file is refused as damaged. */
  maxStepSeconds: number
}

export const defaultLimits: ImportLimits = {
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  // SQLite allows 2,000 columns per table (SQLITE_MAX_COLUMN); a raw table adds _row_id and _row_number.
  maxColumns: 1998,
  maxRows: 5_000_000,
  maxCellChars: 1_000_000,
  maxStepSeconds: 60,
}

export interface ReaderContext {
  filePath: string
  /** File name as the user knows it: used in every message and as provenance. */
  displayName: string
  options: ReadOptions
  limits: ImportLimits
  /** Called between batches; throws ApiError('CANCELLED') when the user cancelled. */
  throwIfCancelled(): void
  /** Bytes consumed so far, for progress. */
  onBytes(bytesRead: number): void
  /** Share of the source read so far (0-1), for readers that know it better than bytes (databases: rows of known row counts). */
  onFraction(fraction: number): void
}

/** One row of cells as read, before header detection. */
export interface SourceCells {
  /** 1-based row number in the original sheet/file (provenance). */
  rowNumber: number
  cells: (string | null)[]
  /**
   * The record's own text, when its cells are exactly the pieces of it between single-character
   * delimiters (a CSV record without quotes). Lets the row writer pass one string per row.
   */
  line?: string
}

export interface SourceSheet {
  /** Table name shown to the user (sheet name, table name, or file name for CSV). */
  name: string
  /** Sheet name for spreadsheets; null for single-table formats. */
  sheet: string | null
  hidden: boolean
  /** Column names when the source defines them (databases, JSON); null means: detect a header row. */
  columns: string[] | null
  /** Things the user should know (e.g. merged cells filled, ragged rows); never silent data loss. */
  warnings: string[]
  rows: AsyncIterable<SourceCells>
  /** Settings the reader detected (e.g. encoding, delimiter), shown in previews and recorded. */
  detected?: { encoding?: string; delimiter?: string }
  /**
   * Optional faster path for big files: the same rows in arrays (one await per batch instead of
   * per row). When present the engine reads this instead of `rows`.
   */
  batches?: AsyncIterable<SourceCells[]>
}

export interface SourceReader {
  format: SourceFormat
  /** Whether this reader recognises the file from its first bytes and name. */
  detect(head: Uint8Array, fileName: string): boolean
  sheets(ctx: ReaderContext): AsyncIterable<SourceSheet>
}
