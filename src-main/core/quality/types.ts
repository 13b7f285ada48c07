/** The shapes rule kinds work on: one MODS record at a time, plus what the whole run knows. */
import type { ModsElement } from '../mods/schema'
import type { CalendarDate } from './dates'
import type { Rule } from './rule-schema'

export interface Lineage {
  tableId: number
  rowId: number
  column: string
}

export interface RecordView {
  id: number
  dataset: string
  recordKey: string
  personKey: string | null
  sourceTableId: number | null
  sourceRowId: number | null
  values: Record<string, unknown>
  lineage: Record<string, Lineage>
}

/** One problem a rule found; the runner adds the location and renders the message. */
export interface Finding {
  elementId: string | null
  value: string | null
  /** Picks `rule.variants[variant]` instead of `rule.message`. */
  variant?: string
  vars?: Record<string, string>
}

export interface CatalogueElement extends ModsElement {
  dataset: string
  /** Every record of the dataset must hold it (see core/mods mandatoryElements). */
  mandatory: boolean
}

/** The part of the MODS catalogue the checks need (see core/quality/catalogue.ts). */
export interface QualityCatalogue {
  elements: readonly CatalogueElement[]
  element(id: string): CatalogueElement | null
  datasetLabel(id: string): string
  personLinked(datasetId: string): boolean
  /** The codes of a list, or null when the list is unknown. */
  codes(listId: string): ReadonlySet<string> | null
  /** The code a legacy spelling means, if the list knows it as a synonym. */
  suggest(listId: string, raw: string): string | null
}

/** A problem the mapping stage recorded while building records (value left out of its record). */
export interface MappingProblem {
  kind: 'invalid-value' | 'unmapped-value' | 'orphan' | 'repeated-key'
  /** The mapping stage's own words for it (available to rule messages as {problem}). */
  message: string
  dataset: string
  recordKey: string
  recordId: number | null
  elementId: string | null
  tableId: number | null
  rowId: number | null
  column: string | null
  value: string | null
}

/** A finding that is not about the record being checked: it names its own record and source. */
export interface PlacedFinding extends Finding {
  dataset: string
  recordId: number | null
  tableId: number | null
  rowId: number | null
  column: string | null
}

export interface CheckContext {
  today: CalendarDate
  catalogue: QualityCatalogue
  /** Keys of all person records: child records must point at one. */
  personKeys: ReadonlySet<string>
  /**
   * Elements mapped for each dataset, as far as the records show: a value in at least one record,
   * or a value the mapping tried and could not use.
   */
  presentElements: ReadonlyMap<string, ReadonlySet<string>>
  /** Values the mapping could not use; see `problemKey`. */
  mappingProblems: readonly MappingProblem[]
  problemElements: ReadonlySet<string>
}

export function problemKey(dataset: string, recordKey: string, elementId: string): string {
  return `${dataset}\u0000${recordKey}\u0000${elementId}`
}

export interface RuleKindCheck {
  /** Findings for one record; `elements` are the rule's targets in the record's dataset. */
  check(rule: Rule, elements: readonly CatalogueElement[], record: RecordView, ctx: CheckContext): Finding[]
  /** Findings about a dataset as a whole (once per dataset that has records). */
  checkDataset?(rule: Rule, elements: readonly CatalogueElement[], dataset: string, ctx: CheckContext): Finding[]
  /** Findings about the workspace as a whole (once per run). */
  checkWorkspace?(rule: Rule, ctx: CheckContext): PlacedFinding[]
}

/** A record value as trimmed text; null when blank. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return text.trim() === '' ? null : text.trim()
}
