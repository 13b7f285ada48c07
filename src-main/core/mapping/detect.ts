/**
 * Value detectors: what a column's (sampled) values look like. Each detector gives the share of
 * non-empty values it recognises; code-list hit rates are weighted by how often each value occurs.
 */
import { isValidNhsNumber } from '../identity'
import { lookupCode } from './catalogue'
import { dateShape } from './uk-date'
import { isNumeric, normaliseEmail, normaliseNhs, normaliseOdsCode, normalisePhone, normalisePostcode } from './values'

export interface ColumnEvidence {
  total: number
  nonEmpty: number
  distinct: Map<string, number>
  nhsValid: number
  nhsShape: number
  date: number
  /** The most common date shape, for the reason text. */
  dateShape: string | null
  postcode: number
  phone: number
  email: number
  ods: number
  numeric: number
  /** Share of values that look like free text (letters and spaces, more than one word). */
  words: number
  codeHitRate(listId: string): number
}

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0
  let n = 0
  for (const v of values) if (test(v)) n++
  return n / values.length
}

export function detect(sample: (string | null)[]): ColumnEvidence {
  const values: string[] = []
  const distinct = new Map<string, number>()
  for (const raw of sample) {
    const v = raw?.trim()
    if (!v) continue
    values.push(v)
    distinct.set(v, (distinct.get(v) ?? 0) + 1)
  }
  const shapes = new Map<string, number>()
  const date = share(values, (v) => {
    const s = dateShape(v)
    // Bare numbers are Excel serials only in a plausible range (1927–2099), not ids or counts.
    if (!s || (s === 'serial' && !(Number(v) >= 10000 && Number(v) <= 73050))) return false
    shapes.set(s, (shapes.get(s) ?? 0) + 1)
    return true
  })
  const hitCache = new Map<string, number>()
  return {
    total: sample.length,
    nonEmpty: values.length,
    distinct,
    nhsValid: share(values, (v) => isValidNhsNumber(v)),
    nhsShape: share(values, (v) => normaliseNhs(v) !== null),
    date,
    dateShape: [...shapes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    postcode: share(values, (v) => normalisePostcode(v) !== null),
    phone: share(values, (v) => normalisePhone(v) !== null),
    email: share(values, (v) => normaliseEmail(v) !== null),
    ods: share(values, (v) => normaliseOdsCode(v) !== null),
    numeric: share(values, isNumeric),
    words: share(values, (v) => /^[\p{L}][\p{L}'.,()-]*(\s+[\p{L}'.,()&/-]+)+$/u.test(v)),
    codeHitRate(listId) {
      const known = hitCache.get(listId)
      if (known !== undefined) return known
      let hits = 0
      for (const [v, n] of distinct) if (lookupCode(listId, v)) hits += n
      const rate = values.length ? hits / values.length : 0
      hitCache.set(listId, rate)
      return rate
    },
  }
}

const shapeNames: Record<string, string> = { iso: 'ISO dates', numeric: 'dd/mm/yyyy-style dates', 'text-month': "dates like '3 Mar 1941'", serial: 'Excel date serials' }

export function describeDateShape(shape: string | null): string {
  return shape ? (shapeNames[shape] ?? 'dates') : 'dates'
}
