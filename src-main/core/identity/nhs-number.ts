/**
 * NHS numbers: 10 digits, the last a Modulus 11 check digit over the first nine with weights
 * 10..2 (NHS Data Dictionary). Written with or without spaces/dashes, often 3-3-4.
 */

/** Digits only, or null when the text is not a 10-digit NHS number shape. */
export function normaliseNhsNumber(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '')
  return /^\d{10}$/.test(digits) ? digits : null
}

/** The check digit for the first nine digits, or null when no valid check digit exists (remainder gives 10). */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 11) return 0
  if (check === 10) return null
  return check
}

/**
 * The same digit ten times (0000000000, 9999999999…): typed by legacy systems for "unknown". Some
 * pass Modulus 11, but none is ever issued, so such a number must never be exported as someone's.
 */
export function isPlaceholderNhsNumber(digits: string): boolean {
  return /^(\d)\1{9}$/.test(digits)
}

export function isValidNhsNumber(raw: string): boolean {
  const digits = normaliseNhsNumber(raw)
  if (!digits) return false
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9])
}

/** "9434765919" -> "943 476 5919", the way the NHS displays them. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}
