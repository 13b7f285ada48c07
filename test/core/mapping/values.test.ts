import { describe, expect, it } from 'vitest'
import { detect } from '../../../src-main/core/mapping/detect'
import { splitName } from '../../../src-main/core/mapping/names'
import { normaliseEmail, normalisePhone, normalisePostcode } from '../../../src-main/core/mapping/values'

describe('value normalisers', () => {
  it('normalises UK postcodes to upper case with one space, rejecting non-postcodes', () => {
    expect(normalisePostcode(' ls6  2ab')).toBe('LS6 2AB')
    expect(normalisePostcode('SW1A1AA')).toBe('SW1A 1AA')
    expect(normalisePostcode('LS6')).toBeNull()
    expect(normalisePostcode('12345')).toBeNull()
  })

  it('normalises phone numbers to national digits', () => {
    expect(normalisePhone('01632 960123')).toBe('01632960123')
    expect(normalisePhone('+44 (0)7700 900123')).toBe('07700900123')
    expect(normalisePhone('7700900123')).toBe('07700900123') // Excel dropped the zero
    expect(normalisePhone('+33 1 23 45 67 89')).toBe('+33123456789')
    expect(normalisePhone('ring daughter')).toBeNull()
    expect(normalisePhone('01632')).toBeNull()
  })

  it('accepts UK numbers with a bracketed area code, and rejects unbalanced brackets', () => {
    expect(normalisePhone('(01632) 960001')).toBe('01632960001')
    expect(normalisePhone('(0113) 496 0000')).toBe('01134960000')
    expect(normalisePhone('(020) 7946 0000')).toBe('02079460000')
    expect(normalisePhone('(+44) 1632 960001')).toBe('01632960001')
    expect(normalisePhone('+44 (0) 1632 960001')).toBe('01632960001')
    expect(normalisePhone('(01632 960001')).toBeNull()
    expect(normalisePhone('01632) 960001')).toBeNull()
    expect(normalisePhone('(daughter) 01632 960001')).toBeNull()
  })

  it('lower-cases valid email addresses only', () => {
    expect(normaliseEmail(' Jane.Smith@Example.COM ')).toBe('jane.smith@example.com')
    expect(normaliseEmail('jane at example')).toBeNull()
  })
})

describe('split-name', () => {
  it.each([
    ['SMITH, Mary J', { title: null, given: 'Mary', middle: 'J', family: 'SMITH' }],
    ['Mrs Mary Smith', { title: 'Mrs', given: 'Mary', middle: null, family: 'Smith' }],
    ['Mary J. Smith', { title: null, given: 'Mary', middle: 'J.', family: 'Smith' }],
    ['Dr Pieter van der Berg', { title: 'Dr', given: 'Pieter', middle: null, family: 'van der Berg' }],
    ['Smith, Mrs Mary', { title: 'Mrs', given: 'Mary', middle: null, family: 'Smith' }],
    ['Holroyd', { title: null, given: null, middle: null, family: 'Holroyd' }],
  ])('%s', (name, parts) => {
    expect(splitName(name)).toEqual(parts)
  })
})

describe('detectors', () => {
  it('recognises NHS numbers by Modulus 11, not just by shape', () => {
    const e = detect(['943 476 5919', '9434765870', '9434765918', '', null])
    expect(e.nonEmpty).toBe(3)
    expect(e.nhsShape).toBe(1)
    expect(e.nhsValid).toBeCloseTo(2 / 3)
  })

  it('recognises dates with their shape, postcodes, phones and emails', () => {
    const dates = detect(['03/04/1941', '23/11/1938', 'unknown'])
    expect(dates.date).toBeCloseTo(2 / 3)
    expect(dates.dateShape).toBe('numeric')
    expect(detect(['3 Mar 1941', '12 May 1950']).dateShape).toBe('text-month')
    expect(detect(['LS6 2AB', 'bd11aa']).postcode).toBe(1)
    expect(detect(['01632 960123', '07700 900123']).phone).toBe(1)
    expect(detect(['a@b.org', 'x']).email).toBe(0.5)
  })

  it('does not take small numbers for Excel dates', () => {
    expect(detect(['1001', '1002', '1003']).date).toBe(0)
    expect(detect(['15065', '20000']).date).toBe(1)
  })

  it('measures gender and yes/no vocabularies as code-list hit rates', () => {
    const sex = detect(['F', 'Male', ' female', 'm', 'Mrs'])
    expect(sex.codeHitRate('gender-identity')).toBeCloseTo(0.8)
    const yn = detect(['Y', 'N', 'yes', 'No', 'n'])
    expect(yn.codeHitRate('yes-no')).toBe(1)
  })
})
