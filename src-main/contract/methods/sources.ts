/** Importing sources (issue 3): preview, import, list, page through raw rows, remove. */
import { z } from 'zod'
import { jobIdSchema } from '../events'
import { method } from '../define'
import { editors, readers } from '../roles'

export const sourceFormats = ['csv', 'xlsx', 'xls', 'access', 'sqlite', 'postgresql', 'mysql', 'json', 'ndjson', 'fhir'] as const

export const sourceOptionsSchema = z
  .object({
    format: z.enum(sourceFormats).optional(),
    encoding: z.string().max(40).optional(),
    delimiter: z.string().max(12).optional(),
    /** 1-based; 0 = the sheet has no header row. */
    headerRow: z.number().int().min(0).max(1_048_576).optional(),
    /** Per sheet, by name: the header row of that sheet, overriding `headerRow` (workbooks differ sheet by sheet). */
    headerRows: z.record(z.string().max(255), z.number().int().min(0).max(1_048_576)).optional(),
    sheets: z.array(z.string().max(255)).max(500).optional(),
    onDuplicate: z.enum(['error', 'replace', 'skip']).optional(),
    keyColumn: z.string().min(1).max(255).optional(),
    previousSourceId: z.number().int().positive().optional(),
  })
  .strict()
export type SourceOptions = z.infer<typeof sourceOptionsSchema>

/** Opaque handle from the front's file grant (session.files): never a path. */
const fileHandle = z.string().min(1).max(80)

export interface TableChanges {
  previousTableId: number
  added: number
  changed: number
  removed: number
  unchanged: number
  columnsAdded: string[]
  columnsRemoved: string[]
}

export interface ImportedTable {
  id: number
  name: string
  sheet: string | null
  hidden: boolean
  headerRow: number | null
  rows: number
  columns: string[]
  warnings: string[]
  changes: TableChanges | null
}

export interface ImportResult {
  sourceId: number
  fileName: string
  format: (typeof sourceFormats)[number]
  sha256: string
  sizeBytes: number
  /** `skipped`: identical content was already imported (onDuplicate 'skip'); nothing was written. */
  status: 'imported' | 'replaced' | 'skipped'
  tables: ImportedTable[]
  warnings: string[]
  /** The read settings actually used (detected or given). */
  settings: Record<string, unknown>
}

export interface PreviewRow {
  rowNumber: number
  cells: (string | null)[]
}

export interface SheetPreview {
  name: string
  sheet: string | null
  hidden: boolean
  headerRow: number | null
  columns: string[]
  rows: PreviewRow[]
  warnings: string[]
}

export interface SourcePreview {
  fileName: string
  format: (typeof sourceFormats)[number]
  sizeBytes: number
  encoding: string | null
  delimiter: string | null
  sheets: SheetPreview[]
  warnings: string[]
}

export interface SourceTableEntry {
  id: number
  name: string
  sheet: string | null
  hidden: boolean
  headerRow: number | null
  rowCount: number
  columns: { ordinal: number; name: string; sqlName: string }[]
  warnings: string[]
  previousTableId: number | null
}

export interface SourceEntry {
  id: number
  fileName: string
  format: string
  sha256: string
  sizeBytes: number
  importedAt: string
  previousSourceId: number | null
  tables: SourceTableEntry[]
}

export interface RowsPage {
  tableId: number
  /** Rows matching the search (all rows without one). */
  total: number
  rows: { rowId: number; rowNumber: number; values: (string | null)[] }[]
}

export const sourcesMethods = {
  'sources.preview': method<SourcePreview>()({
    input: z.object({ file: fileHandle, options: sourceOptionsSchema.default({}) }),
    roles: editors,
    mutates: false,
    doc: 'Detected format, encoding, delimiter, sheets, header row, columns and the first 20 rows of a granted file, without importing it.',
  }),
  'sources.import': method<ImportResult>()({
    input: z.object({ file: fileHandle, options: sourceOptionsSchema.default({}), jobId: jobIdSchema }),
    roles: editors,
    mutates: true,
    doc: 'Imports a granted file in one transaction (all or nothing), reporting progress under jobId; cancellable.',
  }),
  'sources.list': method<SourceEntry[]>()({
    input: z.object({}),
    roles: readers,
    mutates: false,
    doc: 'Imported sources with their tables, columns and row counts.',
  }),
  'sources.rows': method<RowsPage>()({
    input: z.object({
      tableId: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      sort: z.object({ column: z.string().regex(/^(c\d{1,5}|_row_number)$/), direction: z.enum(['asc', 'desc']).default('asc') }).optional(),
      search: z.string().max(200).optional(),
    }),
    roles: readers,
    mutates: false,
    doc: 'One page of raw rows of an imported table (for a virtualised grid), optionally sorted by a column (its sqlName) and filtered by a search text.',
  }),
  'sources.remove': method<{ removedTables: number; removedRows: number }>()({
    input: z.object({ sourceId: z.number().int().positive() }),
    roles: editors,
    mutates: true,
    doc: 'Removes an imported source and all its rows (audited).',
  }),
} as const
