/**
 * Turns JSON values into rows of text: nested objects become dotted columns ("address.postcode"),
 * arrays are kept whole as JSON text (never silently dropped), scalars become their text
 * (true/false, numbers as written by JavaScript), null stays empty.
 *
 * A field is keyed by its path, not by its dotted name, so a key "a.b" and the nested a → b stay
 * two fields (two columns) instead of one overwriting the other.
 */

/** Cells of one record by field key (see `fieldKey`). */
export type Flat = Map<string, string | null>

export interface FlatRecord {
  cells: Flat
  /** Keys of fields whose text held lone UTF-16 surrogates, now replaced by U+FFFD. */
  repaired: string[]
}

/**
 * Key of the column holding elements that are plain values, not records. Field keys escape every
 * backslash, so no field can have a lone backslash as its key.
 */
export const plainValueKey = '\\'

/** One path segment, with "." and "\" escaped so that joined paths stay unambiguous. */
function segmentKey(key: string): string {
  return key.includes('.') || key.includes('\\') ? key.replace(/[\\.]/g, '\\$&') : key
}

/** The segments of a field key: the inverse of joining `segmentKey`s with ".". */
export function pathOf(key: string): string[] {
  const path = ['']
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!
    if (c === '\\') path[path.length - 1] += key[++i] ?? ''
    else if (c === '.') path.push('')
    else path[path.length - 1] += c
  }
  return path
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Far cheaper than the lookaround above; almost no text has surrogates at all.
const anySurrogate = /[\uD800-\uDFFF]/

/** The text with each lone surrogate replaced by U+FFFD: SQLite would store it as invalid UTF-8. */
export function wellFormed(text: string): string {
  return anySurrogate.test(text) ? text.replace(loneSurrogate, '\uFFFD') : text
}

function numberText(value: number): string {
  // String(-0) is "0"; the sign is what the file says.
  return Object.is(value, -0) ? '-0' : String(value)
}

function cellText(value: unknown, key: string, into: FlatRecord): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    const text = wellFormed(value)
    if (text !== value) into.repaired.push(key)
    return text
  }
  if (typeof value === 'number') return numberText(value)
  if (Array.isArray(value)) return JSON.stringify(value)
  return String(value)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function flattenObject(record: Record<string, unknown>, into: FlatRecord, prefix: string): void {
  const entries = Object.entries(record)
  // An empty nested object is still a field the record has.
  if (entries.length === 0 && prefix) into.cells.set(prefix.slice(0, -1), null)
  for (const [name, value] of entries) {
    const key = prefix + segmentKey(name)
    if (isRecord(value)) flattenObject(value, into, `${key}.`)
    else into.cells.set(key, cellText(value, key, into))
  }
}

/**
 * One element of a JSON array or one NDJSON line: a record's fields, or a plain value (text, number,
 * list) in the `plainValueKey` column; null when the element is null (no record at all).
 */
export function flattenElement(element: unknown): FlatRecord | null {
  if (element === null) return null
  const into: FlatRecord = { cells: new Map(), repaired: [] }
  if (isRecord(element)) flattenObject(element, into, '')
  else into.cells.set(plainValueKey, cellText(element, plainValueKey, into))
  return into
}

/**
 * Numbers beyond 2^53 lose digits in JSON.parse, and beyond ~1.8e308 become Infinity (in a list,
 * null); the user is told which record.
 */
export function hasUnsafeNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))
  if (value && typeof value === 'object') return Object.values(value).some(hasUnsafeNumber)
  return false
}
