/**
 * The UK date resolver. Legacy care data mixes dd/mm/yyyy, d.m.yy, '3 Mar 1941', ISO text and
 * Excel serial numbers in one column. Day/month order is decided per column from the evidence
 * (a first number above 12 proves day-first; a second above 12 proves month-first), defaulting
 * to the UK order; every decision is explained and unparseable values are counted, never guessed.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd'

export interface DateOptions {
  order: 'auto' | DateOrder
  /** Two-digit years at or below the pivot are 20xx, above it 19xx. */
  pivotYear: number
  excelSystem: '1900' | '1904'
}

export const defaultDateOptions: DateOptions = { order: 'auto', pivotYear: 25, excelSystem: '1900' }

export interface DateResolution {
  order: DateOrder
  reasoning: string[]
  counts: { values: number; parsed: number; unparseable: number; excelSerial: number; textMonth: number; iso: number; twoDigitYear: number; ambiguous: number }
  /** Up to five values that could not be read, to show the user. */
  unparseableExamples: string[]
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

type Parsed =
  | { kind: 'fixed'; y: number; m: number; d: number; how: 'iso' | 'text-month' | 'serial'; twoDigit: boolean }
  | { kind: 'numeric'; a: number; b: number; y: number; twoDigit: boolean }
  /** A year with no day or month ('1941'): recognised so it can be reported, never stored as a date. */
  | { kind: 'year-only'; y: number; twoDigit: false }

const isoPattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const numericPattern = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?$/i
const dayMonthName = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{2}|\d{4})$/i
const monthNameDay = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})$/i
const compactYmd = /^(1[89]\d{2}|20\d{2})(\d{2})(\d{2})$/
const serialPattern = /^\d{1,7}(?:\.\d+)?$/
/** '1941' or '1941.0' (a CSV or a float cell): a year, not Excel serial 1941 (24 Apr 1905). */
const yearPattern = /^(1[89]\d{2}|20\d{2}|2100)(?:\.0+)?$/
/** Later serials are not dates anyone means: '194103' (yyyymm) would be 2431. */
const lastSerialYear = 2100

function monthOf(name: string): number | null {
  const i = monthNames.indexOf(name.slice(0, 3).toLowerCase())
  if (i < 0) return null
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]!
  return name.length <= 3 || full.startsWith(name.toLowerCase()) || name.toLowerCase() === 'sept' ? i + 1 : null
}

function year(text: string, pivot: number): { y: number; twoDigit: boolean } {
  if (text.length === 4) return { y: Number(text), twoDigit: false }
  const yy = Number(text)
  return { y: yy <= pivot ? 2000 + yy : 1900 + yy, twoDigit: true }
}

/** Excel serial → date. 1900 system: serial 60 is the phantom 29 Feb 1900 (Lotus bug), so it is no date. */
export function excelSerialToDate(serial: number, system: '1900' | '1904'): { y: number; m: number; d: number } | null {
  const whole = Math.floor(serial)
  if (whole < 1 || whole > 2958465) return null
  let ms: number
  if (system === '1904') ms = Date.UTC(1904, 0, 1) + whole * 86400000
  else if (whole === 60) return null
  else ms = Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86400000
  const date = new Date(ms)
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }
}

function parse(raw: string, options: DateOptions): Parsed | null {
  const text = raw.trim()
  let m = isoPattern.exec(text)
  if (m) return { kind: 'fixed', y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), how: 'iso', twoDigit: false }
  m = compactYmd.exec(text)
  if (m) return { kind: 'fixed', y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), how: 'iso', twoDigit: false }
  m = numericPattern.exec(text)
  if (m) return { kind: 'numeric', a: Number(m[1]), b: Number(m[2]), ...yearOf(m[3]!, options) }
  m = dayMonthName.exec(text)
  if (m && monthOf(m[2]!)) return { kind: 'fixed', d: Number(m[1]), m: monthOf(m[2]!)!, ...yearOf(m[3]!, options), how: 'text-month' }
  m = monthNameDay.exec(text)
  if (m && monthOf(m[1]!)) return { kind: 'fixed', d: Number(m[2]), m: monthOf(m[1]!)!, ...yearOf(m[3]!, options), how: 'text-month' }
  m = yearPattern.exec(text)
  if (m) return { kind: 'year-only', y: Number(m[1]), twoDigit: false }
  return serialPattern.test(text) ? serialDate(Number(text), options) : null
}

function serialDate(serial: number, options: DateOptions): Parsed | null {
  const date = excelSerialToDate(serial, options.excelSystem)
  return date && date.y <= lastSerialYear ? { kind: 'fixed', ...date, how: 'serial', twoDigit: false } : null
}

function yearOf(text: string, options: DateOptions) {
  const { y, twoDigit } = year(text, options.pivotYear)
  return { y, twoDigit }
}

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return null
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > days) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function toIso(p: Parsed, order: DateOrder): string | null {
  if (p.kind === 'year-only') return null
  if (p.kind === 'fixed') return validIso(p.y, p.m, p.d)
  return order === 'mdy' ? validIso(p.y, p.a, p.b) : validIso(p.y, p.b, p.a)
}

/** How many values showed something, and the first of them to quote. */
interface Seen {
  n: number
  example: string
}

interface ColumnEvidence {
  dayFirst: Seen
  monthFirst: Seen
  yearOnly: Seen
}

type Counts = DateResolution['counts']

/**
 * Month-first is read only when it clearly dominates: at least this many values prove it, and at
 * least this share of the values that prove either order. Otherwise one US-style value
 * ('12/13/2020') would silently re-date every ambiguous one ('01/02/2020') in a UK column.
 */
const monthFirstMinimum = 3
const monthFirstShare = 0.9

function see(seen: Seen, raw: string): void {
  if (seen.n++ === 0) seen.example = raw
}

function tally(p: Parsed, raw: string, counts: Counts, evidence: ColumnEvidence): void {
  if (p.twoDigit) counts.twoDigitYear++
  if (p.kind === 'year-only') see(evidence.yearOnly, raw)
  else if (p.kind === 'fixed') {
    if (p.how === 'serial') counts.excelSerial++
    else if (p.how === 'text-month') counts.textMonth++
    else counts.iso++
  } else if (p.a > 12 && p.b <= 12) see(evidence.dayFirst, raw)
  else if (p.b > 12 && p.a <= 12) see(evidence.monthFirst, raw)
  else if (p.a <= 12 && p.b <= 12 && p.a !== p.b) counts.ambiguous++
}

/** Decides the column's day/month order from its values and explains why. */
export function resolveDateColumn(values: Iterable<string | null>, options: DateOptions = defaultDateOptions): DateResolution {
  const counts: Counts = { values: 0, parsed: 0, unparseable: 0, excelSerial: 0, textMonth: 0, iso: 0, twoDigitYear: 0, ambiguous: 0 }
  const evidence: ColumnEvidence = { dayFirst: { n: 0, example: '' }, monthFirst: { n: 0, example: '' }, yearOnly: { n: 0, example: '' } }
  const parsed: { p: Parsed; raw: string }[] = []
  const unreadable: string[] = []
  for (const raw of values) {
    if (raw === null || raw.trim() === '') continue
    counts.values++
    const p = parse(raw, options)
    if (p) {
      parsed.push({ p, raw })
      tally(p, raw, counts, evidence)
    } else unreadable.push(raw)
  }
  const reasoning: string[] = []
  const order = options.order === 'auto' ? decideOrder(evidence, counts.ambiguous, reasoning) : options.order
  if (options.order !== 'auto') reasoning.push(`Day/month order fixed by the mapping: ${describeOrder(order)}.`)
  for (const { p, raw } of parsed) {
    if (toIso(p, order)) counts.parsed++
    else unreadable.push(raw)
  }
  counts.unparseable = unreadable.length
  describeCounts(counts, evidence.yearOnly, options, reasoning)
  return { order, reasoning, counts, unparseableExamples: unreadable.slice(0, 5) }
}

function describeOrder(order: DateOrder): string {
  return order === 'dmy' ? 'day first (dd/mm/yyyy)' : order === 'mdy' ? 'month first (mm/dd/yyyy)' : 'year first (yyyy-mm-dd)'
}

function monthFirstDominates({ dayFirst, monthFirst }: ColumnEvidence): boolean {
  return monthFirst.n >= monthFirstMinimum && monthFirst.n >= monthFirstShare * (dayFirst.n + monthFirst.n)
}

function decideOrder(evidence: ColumnEvidence, ambiguous: number, reasoning: string[]): DateOrder {
  const { dayFirst, monthFirst } = evidence
  const day = `${dayFirst.n} value(s) have a first number above 12${dayFirst.n ? ` (e.g. '${dayFirst.example}')` : ''}`
  const month = `${monthFirst.n} value(s) a second number above 12${monthFirst.n ? ` (e.g. '${monthFirst.example}')` : ''}`
  if (dayFirst.n === 0 && monthFirst.n === 0) {
    reasoning.push(`No value proves the order (no number above 12 in the first two places); assuming the UK order, ${describeOrder('dmy')}.`)
    return 'dmy'
  }
  if (monthFirst.n === 0) {
    reasoning.push(`${day} and none a second number above 12: ${describeOrder('dmy')}.`)
    return 'dmy'
  }
  const others = dayFirst.n ? ' The others are reported as unparseable.' : ''
  if (monthFirstDominates(evidence)) {
    const redated = ambiguous ? ` ${ambiguous} value(s) that read either way (like 01/02/2020) are read month first.` : ''
    reasoning.push(`${day}; ${month}. Month-first evidence dominates (at least ${monthFirstMinimum} values and ${monthFirstShare * 100}% of those that prove an order): ${describeOrder('mdy')}.${redated}${others}`)
    return 'mdy'
  }
  reasoning.push(`${day}; ${month}. Month first needs at least ${monthFirstMinimum} such values and ${monthFirstShare * 100}% of those that prove an order, so the UK order is kept, ${describeOrder('dmy')}; the month-first values are reported as unparseable.`)
  return 'dmy'
}

function describeCounts(c: Counts, yearOnly: Seen, options: DateOptions, reasoning: string[]): void {
  if (c.excelSerial) reasoning.push(`${c.excelSerial} Excel serial number(s) read with the ${options.excelSystem} date system.`)
  if (c.textMonth) reasoning.push(`${c.textMonth} value(s) name the month in words.`)
  if (c.twoDigitYear) reasoning.push(`${c.twoDigitYear} value(s) have a two-digit year: 00–${String(options.pivotYear).padStart(2, '0')} read as 20xx, later as 19xx.`)
  if (yearOnly.n) reasoning.push(`${yearOnly.n} value(s) look like a year only (e.g. '${yearOnly.example}'), not a full date: not read as dates (nor as Excel serials).`)
  reasoning.push(`${c.parsed} of ${c.values} value(s) read as dates; ${c.unparseable} could not be read.`)
}

/** Converts one value with a resolved order; null when it is not a real date. */
export function toIsoDate(raw: string, order: DateOrder, options: DateOptions = defaultDateOptions): string | null {
  const p = parse(raw, options)
  return p ? toIso(p, order) : null
}

/** For detection: is this text a date in any order, and which shape is it? */
export function dateShape(raw: string): 'iso' | 'numeric' | 'text-month' | 'serial' | null {
  const p = parse(raw, defaultDateOptions)
  if (!p) return null
  if (p.kind === 'numeric') return toIso(p, 'dmy') || toIso(p, 'mdy') ? 'numeric' : null
  if (p.kind === 'year-only' || !toIso(p, 'dmy')) return null
  return p.how === 'serial' ? 'serial' : p.how === 'text-month' ? 'text-month' : 'iso'
}
