/**
 * Recognisers and normalisers for the value shapes of UK care records. Each returns the
 * normalised MODS value, or null when the text is not of that shape (never a guess).
 */
import { normaliseNhsNumber } from '../identity'

const postcodePattern = /^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$/

/** 'ls1  4ab' → 'LS1 4AB'. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/\s+/g, '')
  if (compact.length < 5 || compact.length > 7) return null
  const spaced = `${compact.slice(0, -3)} ${compact.slice(-3)}`
  return postcodePattern.test(spaced) ? spaced : null
}

/**
 * UK numbers to national digits ('+44 (0)7700 900123', '(01632) 960001' → national digits); other
 * international numbers keep their '+'. Extensions and words are rejected rather than silently dropped.
 */
export function normalisePhone(raw: string): string | null {
  const text = raw.trim()
  // A bracketed area code may open the number; unbalanced brackets suggest a cut-off or a note.
  if (!/^\(?[+\d][\d\s().-]*$/.test(text) || text.split('(').length !== text.split(')').length) return null
  let digits = text.replace(/\(0\)/g, '').replace(/[\s().-]/g, '')
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3)
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4)
  else if (digits.startsWith('+')) return /^\+\d{7,15}$/.test(digits) ? digits : null
  else if (/^[1-9]\d{9}$/.test(digits) && /^[127]/.test(digits)) digits = '0' + digits // Excel dropped the leading zero
  return /^0\d{9,10}$/.test(digits) ? digits : null
}

export function normaliseEmail(raw: string): string | null {
  const text = raw.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(text) ? text : null
}

export function normaliseNhs(raw: string): string | null {
  return normaliseNhsNumber(raw.trim())
}

/** ODS organisation codes: 3–9 letters and digits, e.g. 'B82005', 'VLAXL', 'K81003001'. */
export function normaliseOdsCode(raw: string): string | null {
  const text = raw.trim().toUpperCase()
  return /^[A-Z0-9]{3,9}$/.test(text) && /[A-Z]/.test(text) && /\d/.test(text) ? text : null
}

export function isNumeric(raw: string): boolean {
  return /^-?\d+(?:\.\d+)?$/.test(raw.trim())
}

/** How source values are compared with value-map keys: trimmed, single-spaced, case-insensitive. */
export function valueKey(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase()
}
