/**
 * What a single cell value looks like: its place in the type lattice and any well-known pattern.
 * The lattice is a chain (integer < decimal < date < text): a column's type is the highest type
 * of its non-blank values, so one stray word makes a number column text.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../identity'

export const valueTypes = ['integer', 'decimal', 'date', 'text'] as const
export type ValueType = (typeof valueTypes)[number]
export const patternKinds = ['nhs-number', 'postcode', 'phone', 'email'] as const
export type PatternKind = (typeof patternKinds)[number]

const integer = /^[+-]?\d+$/
const decimal = /^[+-]?(\d+\.\d*|\.\d+|\d{1,3}(,\d{3})+(\.\d+)?)$/
const monthNames = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december'
const dateShapes = [
  /^\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, // ISO, optional time
  /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/, // 03/11/2025, 3.3.41, 3-3-1941
  new RegExp(`^\\d{1,2}(st|nd|rd|th)?[ -](${monthNames})\\.?[ -,]*\\d{2,4}$`, 'i'), // 3 Mar 1941
  new RegExp(`^(${monthNames})\\.?[ -]\\d{1,2}(st|nd|rd|th)?,? \\d{4}$`, 'i'), // March 3, 1941
]
// Upper-case form of the UK Government postcode pattern (uk-codes.md §8); a single optional space.
const postcode = /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// UK numbers: 0 or +44 then 9-10 digits, spaces/dashes/brackets allowed.
const phone = /^(\+44\s?\(?0?\)?|0)[\d\s\-()]{9,14}$/

function digitsMonthDayValid(v: string): boolean {
  const parts = v.split(/[/.-]/).map(Number)
  const [a, b] = parts
  return a !== undefined && b !== undefined && a >= 1 && b >= 1 && (a <= 12 || b <= 12) && a <= 31 && b <= 31
}

export function valueType(raw: string): ValueType {
  const v = raw.trim()
  if (integer.test(v)) return 'integer'
  if (decimal.test(v)) return 'decimal'
  if (dateShapes[0]!.test(v) || dateShapes.slice(2).some((re) => re.test(v))) return 'date'
  if (dateShapes[1]!.test(v) && digitsMonthDayValid(v)) return 'date'
  return 'text'
}

export function patternOf(raw: string): PatternKind | null {
  const v = raw.trim()
  if (normaliseNhsNumber(v) && isValidNhsNumber(v)) return 'nhs-number'
  if (postcode.test(v.toUpperCase())) return 'postcode'
  if (email.test(v)) return 'email'
  if (phone.test(v) && v.replace(/\D/g, '').length >= 10) return 'phone'
  return null
}

/** 'Ls12 3Ab' -> 'Aa99 9Aa': letters and digits abstracted, punctuation kept; long values cut. */
export function shapeOf(raw: string, maxChars = 24): string {
  const chars = [...raw]
  const shape = chars
    .slice(0, maxChars)
    .map((c) => (/\p{Lu}/u.test(c) ? 'A' : /\p{Ll}/u.test(c) ? 'a' : /\p{Nd}/u.test(c) ? '9' : /\p{L}/u.test(c) ? 'a' : c))
    .join('')
  return chars.length > maxChars ? `${shape}…` : shape
}

export function isBlank(v: string | null): v is null {
  return v === null || v.trim() === ''
}
