/**
 * A field's value pipeline: the columns' raw text is joined, passed through the field's
 * transforms in order, then normalised for the element (element-value.ts). The date resolver
 * looks at the whole column before converting any value, and explains its decision in `notes`.
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import type { FieldMapping, Transform } from '../../contract/methods/mapping'
import { iterateRows, listSourceTables } from '../sources/store'
import type { RawRow, SourceTableInfo } from '../sources/store'
import type { ElementInfo } from './catalogue'
import { elementInfo } from './catalogue'
import { compileValueMap, elementValue } from './element-value'
import type { ValueOutcome } from './element-value'
import { splitName } from './names'
import { resolveDateColumn, toIsoDate } from './uk-date'
import type { DateResolution } from './uk-date'
import { normaliseNhs, normalisePhone, normalisePostcode, valueKey } from './values'

type StepResult = string | null | { invalid: string }
type Step = (text: string) => StepResult

export interface PlanContext {
  db: Database.Database
  table: SourceTableInfo
}

export interface FieldPlan {
  field: FieldMapping
  element: ElementInfo
  /** The column recorded as the value's lineage (null for constants). */
  lineageColumn: string | null
  notes: string[]
  /** The date resolver's decision for each uk-date step, in order. */
  dates: DateResolution[]
  /** The text after the transforms, before the element's normalisation (null when blank or failed). */
  text(row: RawRow): string | null
  evaluate(row: RawRow): ValueOutcome
}

export function columnIndex(table: SourceTableInfo, column: string): number {
  const index = table.columns.findIndex((c) => c.name === column)
  if (index < 0) throw new ApiError('VALIDATION', `Sheet '${table.name}' has no column '${column}'.`, { sheet: table.name, column })
  return index
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
}

function lookupStep(ctx: PlanContext, t: Extract<Transform, { op: 'lookup' }>): Step {
  const other = listSourceTables(ctx.db).find((s) => s.name === t.table || s.sheet === t.table)
  if (!other) throw new ApiError('VALIDATION', `The look-up sheet '${t.table}' has not been imported.`, { sheet: t.table })
  const key = columnIndex(other, t.keyColumn)
  const value = columnIndex(other, t.valueColumn)
  const map = new Map<string, string | null>()
  for (const row of iterateRows(ctx.db, other.id)) {
    const k = row.values[key]
    if (k && !map.has(valueKey(k))) map.set(valueKey(k), row.values[value] ?? null)
  }
  return (text) => (map.has(valueKey(text)) ? (map.get(valueKey(text)) ?? null) : { invalid: `no row of '${t.table}' has ${t.keyColumn} '${text}'` })
}

function normaliser(fn: (s: string) => string | null, what: string): Step {
  return (text) => fn(text) ?? { invalid: `'${text}' is not ${what}` }
}

interface Explained {
  notes: string[]
  dates: DateResolution[]
}

function compileStep(ctx: PlanContext, t: Transform, before: (row: RawRow) => StepResult, out: Explained, label: string): Step {
  switch (t.op) {
    case 'trim':
      return (text) => text.trim().replace(/\s+/g, ' ')
    case 'case':
      return (text) => (t.to === 'upper' ? text.toUpperCase() : t.to === 'lower' ? text.toLowerCase() : titleCase(text))
    case 'join':
    case 'constant':
      return (text) => text // applied when the columns are read
    case 'split-name':
      return (text) => splitName(text)[t.part]
    case 'phone':
      return normaliser(normalisePhone, 'a phone number')
    case 'postcode':
      return normaliser(normalisePostcode, 'a UK postcode')
    case 'nhs-number':
      return normaliser(normaliseNhs, 'a 10-digit NHS number')
    case 'lookup':
      return lookupStep(ctx, t)
    case 'uk-date': {
      const inputs = function* () {
        for (const row of iterateRows(ctx.db, ctx.table.id)) {
          const r = before(row)
          if (typeof r === 'string') yield r
        }
      }
      const resolution = resolveDateColumn(inputs(), t)
      out.notes.push(...resolution.reasoning.map((line) => `${label}: ${line}`))
      out.dates.push(resolution)
      return (text) => toIsoDate(text, resolution.order, t) ?? { invalid: `'${text}' is not a date` }
    }
  }
}

function readColumns(field: FieldMapping, indexes: number[]): (row: RawRow) => string | null {
  const constant = field.transforms.find((t) => t.op === 'constant')
  if (constant?.op === 'constant') return () => constant.value
  const join = field.transforms.find((t) => t.op === 'join')
  const separator = join?.op === 'join' ? join.separator : ' '
  return (row) => {
    const parts = indexes.map((i) => row.values[i]?.trim() ?? '').filter(Boolean)
    return parts.length ? parts.join(separator) : null
  }
}

/** The field's source text as the user would see it in the sheet. */
export function rawText(row: RawRow, indexes: number[]): string {
  return indexes.map((i) => row.values[i] ?? '').join(' ').trim()
}

export function planField(ctx: PlanContext, field: FieldMapping): FieldPlan {
  const element = elementInfo(field.element)
  if (!element) throw new ApiError('VALIDATION', `'${field.element}' is not a MODS item in this catalogue.`)
  const indexes = field.columns.map((c) => columnIndex(ctx.table, c))
  const explained: Explained = { notes: [], dates: [] }
  let pipeline: (row: RawRow) => StepResult = readColumns(field, indexes)
  for (const t of field.transforms) {
    const previous = pipeline
    const step = compileStep(ctx, t, previous, explained, element.name)
    pipeline = (row) => {
      const r = previous(row)
      return typeof r === 'string' ? step(r) : r
    }
  }
  const valueMap = compileValueMap(field.valueMap)
  const run = pipeline
  return {
    field,
    element,
    lineageColumn: field.columns[0] ?? null,
    ...explained,
    text(row) {
      const r = run(row)
      return typeof r === 'string' ? r : null
    },
    evaluate(row) {
      const r = run(row)
      if (r === null) return { kind: 'empty' }
      if (typeof r !== 'string') return { kind: 'invalid-value', raw: rawText(row, indexes), message: `${r.invalid}.` }
      return elementValue(element, r, valueMap)
    },
  }
}
