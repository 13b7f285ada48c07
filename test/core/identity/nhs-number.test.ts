import { describe, expect, it } from 'vitest'
import { formatNhsNumber, isPlaceholderNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from '../../../src-main/core/identity'

describe('NHS number', () => {
  it('accepts numbers whose Modulus 11 check digit matches, with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true)
    expect(isValidNhsNumber('943 476 5919')).toBe(true)
    expect(isValidNhsNumber('943-476-5919')).toBe(true)
  })
  it('rejects a wrong check digit, wrong length and letters', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false)
    expect(isValidNhsNumber('943476591')).toBe(false)
    expect(isValidNhsNumber('94347659190')).toBe(false)
    expect(isValidNhsNumber('94347A5919')).toBe(false)
  })
  it('rejects numbers whose check digit would be 10', () => {
    // 1×10 + 1×2 = 12; 12 mod 11 = 1; 11 - 1 = 10: no valid check digit
    expect(nhsCheckDigit('100000001')).toBe(null)
    expect(isValidNhsNumber('1000000010')).toBe(false)
  })
  it('maps check value 11 to 0', () => {
    expect(nhsCheckDigit('000000000')).toBe(0)
  })
  it('knows the same digit ten times as a placeholder, even where Modulus 11 passes', () => {
    expect(isValidNhsNumber('0000000000')).toBe(true) // why the check digit alone is not enough
    for (const d of '0123456789') expect(isPlaceholderNhsNumber(d.repeat(10))).toBe(true)
    expect(isPlaceholderNhsNumber('9434765919')).toBe(false)
    expect(isPlaceholderNhsNumber('0000000001')).toBe(false)
  })
  it('normalises and formats', () => {
    expect(normaliseNhsNumber(' 943 476 5919 ')).toBe('9434765919')
    expect(normaliseNhsNumber('943 476')).toBe(null)
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919')
  })
})
