/**
 * Guided mapping (issue 4): suggestions, the mapping document (its shapes in mapping-document.ts),
 * value maps, preview, apply and templates.
 */
import { z } from 'zod'
import { method } from '../define'
import { jobIdSchema } from '../events'
import { editors, readers } from '../roles'

export * from './mapping-document'
import { columnName, datasetMappingSchema, fieldMappingSchema, mappingSchema, tableMappingSchema } from './mapping-document'
import type { Mapping, Transform } from './mapping-document'

/** A template names sheets and columns instead of workspace ids, so it travels to other providers. */
export const templateTableSchema = z.object({
  table: z.string().min(1),
  /** The source's column headers when the template was made (for the match report). */
  columns: z.array(columnName),
  personKey: columnName.nullable(),
  datasets: z.array(datasetMappingSchema),
})
export type TemplateTable = z.infer<typeof templateTableSchema>

export const templateFormat = 'mods-migrate.mapping-template'
export const mappingTemplateSchema = z.object({
  format: z.literal(templateFormat),
  formatVersion: z.literal(1),
  name: z.string().min(1).max(200),
  /** Increases each time the template is re-saved. */
  version: z.number().int().positive(),
  description: z.string().max(5000).default(''),
  modsVersion: z.string(),
  createdAt: z.string(),
  tables: z.array(templateTableSchema).max(500),
  /** Custom quality rules travelling with the template (owned by the quality stage). */
  rules: z.array(z.record(z.string(), z.unknown())).default([]),
})
export type MappingTemplate = z.infer<typeof mappingTemplateSchema>

export interface Suggestion {
  item: string
  label: string
  class: string
  dataset: string
  confidence: number
  reason: string
  /** Transforms the mapping should use for this column (split a full name, resolve dates…). */
  transforms?: Transform[]
}

export interface ColumnSuggestions {
  column: string
  suggestions: Suggestion[]
  /** Set when no suggestion is confident enough: why the column is left unmapped. */
  unmapped?: string
}

export interface TableSuggestions {
  tableId: number
  table: string
  /** The dataset the sheet as a whole looks like, from its name and columns. */
  dataset: string | null
  personKey: string | null
  columns: ColumnSuggestions[]
}

export interface ValueMapEntry {
  value: string
  count: number
  suggested: string | null
  suggestedDisplay: string | null
  /** The mapping's current choice (from the saved value map), if any. */
  mapped: string | null | undefined
  why: string
}

export interface ValueMapView {
  element: string
  codeList: string
  codes: { code: string; display: string }[]
  values: ValueMapEntry[]
}

export interface PreviewCell {
  value: string | null
  raw: string | null
  problem?: string
}

export interface PreviewDataset {
  dataset: string
  elements: string[]
  rows: { rowNumber: number; cells: Record<string, PreviewCell> }[]
  /** The date resolver's reasoning and other per-field notes. */
  notes: string[]
}

export interface ProblemCount {
  kind: MappingProblemKind
  dataset: string
  element: string | null
  value: string | null
  count: number
}

export interface ApplyResult {
  datasets: Record<string, { records: number; inserted: number; updated: number; unchanged: number; deleted: number }>
  orphans: number
  unmappedValues: number
  invalidValues: number
  /** Rows left out because an earlier row of the same sheet has the same person key. */
  repeatedKeys: number
  problems: ProblemCount[]
}

/** One sample row of a field's pipeline: the sheet text, the text after the transforms, the MODS value. */
export interface FieldPreviewRow {
  rowNumber: number
  raw: string | null
  text: string | null
  value: string | null
  problem?: string
}

/** The UK date resolver's decision for one uk-date step, as the engine made it over the whole column. */
export interface DateDecision {
  order: 'dmy' | 'mdy' | 'ymd'
  reasoning: string[]
  counts: { values: number; parsed: number; unparseable: number; excelSerial: number; textMonth: number; iso: number; twoDigitYear: number; ambiguous: number }
  unparseableExamples: string[]
}

export interface FieldPreview {
  element: string
  counts: { rows: number; values: number; empty: number; unmapped: number; invalid: number } // over every row
  rows: FieldPreviewRow[]
  /** Up to five rows whose value fails (outside the sample too). */
  problemRows: FieldPreviewRow[]
  notes: string[]
  dates: DateDecision[]
}

export type MappingProblemKind = 'orphan' | 'unmapped-value' | 'invalid-value' | 'repeated-key'

/** A problem of the last apply with where it is: file, sheet, 1-based row number and column. */
export interface MappingProblemView {
  kind: MappingProblemKind
  dataset: string
  recordKey: string
  element: string | null
  file: string | null
  sheet: string | null
  rowNumber: number | null
  column: string | null
  value: string | null
  message: string
}

export interface TemplateMatchTable {
  table: string
  matchedTableId: number | null
  matchedColumns: string[]
  missingColumns: string[]
  extraColumns: string[]
  droppedFields: string[]
}

export interface TemplateImportResult {
  mapping: Mapping
  tables: TemplateMatchTable[]
  saved: boolean
}

const tableId = z.number().int().positive()

export const mappingMethods = {
  'mapping.suggest': method<TableSuggestions>()({
    input: z.object({ tableId }),
    roles: readers,
    mutates: false,
    doc: 'Ranked MODS items for every column of an imported table, with confidence and reasons.',
  }),
  'mapping.auto': method<Mapping>()({
    input: z.object({ tableIds: z.array(tableId).max(500), threshold: z.number().min(0).max(1).default(0.6) }),
    roles: readers,
    mutates: false,
    doc: 'A draft mapping from the confident top suggestions (not saved).',
  }),
  'mapping.get': method<Mapping>()({
    input: z.object({}),
    roles: readers,
    mutates: false,
    doc: 'The saved mapping of this workspace.',
  }),
  'mapping.save': method<Mapping>()({
    input: z.object({ mapping: mappingSchema }),
    roles: editors,
    mutates: true,
    doc: 'Validates and saves the mapping of the given tables; remembers header choices for future suggestions.',
  }),
  'mapping.preview': method<PreviewDataset[]>()({
    input: z.object({ tableId, limit: z.number().int().min(1).max(200).default(20) }),
    roles: readers,
    mutates: false,
    doc: 'The first rows of a table as they will look in MODS, per dataset, with values that fail their datatype.',
  }),
  'mapping.previewField': method<FieldPreview>()({
    input: z.object({ tableId, field: fieldMappingSchema, limit: z.number().int().min(1).max(50).default(8) }),
    roles: readers,
    mutates: false,
    doc: "One field (saved or not) run over a table: sample values before and after its transforms, counts, and the date resolver's reasoning.",
  }),
  'mapping.problems': method<{ total: number; problems: MappingProblemView[] }>()({
    input: z.object({
      kind: z.enum(['orphan', 'unmapped-value', 'invalid-value', 'repeated-key']).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    roles: readers,
    mutates: false,
    doc: 'Problems of the last apply (orphans, values without a code, values that fail their datatype) with file, sheet, row and column.',
  }),
  'mapping.valueMap': method<ValueMapView>()({
    /** `mapping`: the table's mapping as it is being edited, so a newly chosen item works before saving. */
    input: z.object({ tableId, element: z.string().min(1), mapping: tableMappingSchema.optional() }),
    roles: readers,
    mutates: false,
    doc: 'Distinct source values of a coded item with counts and suggested codes.',
  }),
  'mapping.apply': method<ApplyResult>()({
    input: z.object({ jobId: jobIdSchema }),
    roles: editors,
    mutates: true,
    doc: 'Applies the saved mapping into MODS records (incremental, one transaction, audited).',
  }),
  'mapping.templateExport': method<MappingTemplate>()({
    input: z.object({ name: z.string().min(1).max(200), description: z.string().max(5000).default('') }),
    roles: editors,
    mutates: true,
    doc: 'The saved mapping as a portable template; each export of the same name gets the next version.',
  }),
  'mapping.templateImport': method<TemplateImportResult>()({
    input: z.object({ template: z.unknown(), save: z.boolean().default(true) }),
    roles: editors,
    mutates: true,
    doc: 'Matches a template to the imported tables, reports matched and unmatched columns, and saves the result.',
  }),
} as const
