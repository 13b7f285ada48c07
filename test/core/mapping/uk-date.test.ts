import { describe, expect, it } from 'vitest'
import { excelSerialToDate, resolveDateColumn, toIsoDate } from '../../../src-main/core/mapping/uk-date'

const options = { order: 'auto' as const, pivotYear: 25, excelSystem: '1900' as const }

describe('UK date resolver', () => {
  it('decides day-first from a first number above 12 and explains it', () => {
    const r = resolveDateColumn(['03/04/1941', '23/11/1938', '05/06/1950'], options)
    expect(r.order).toBe('dmy')
    expect(r.reasoning[0]).toMatch(/1 value\(s\) have a first number above 12 \(e.g. '23\/11\/1938'\)/)
    expect(r.counts).toMatchObject({ values: 3, parsed: 3, unparseable: 0, ambiguous: 2 })
    expect(toIsoDate('03/04/1941', r.order)).toBe('1941-04-03')
  })

  it('decides month-first from a second number above 12', () => {
    const r = resolveDateColumn(['04/03/1941', '11/23/1938'], options)
    expect(r.order).toBe('mdy')
    expect(toIsoDate('04/03/1941', r.order)).toBe('1941-04-03')
  })

  it('assumes the UK order without evidence, and takes the majority when evidence conflicts', () => {
    expect(resolveDateColumn(['01/02/2020'], options).reasoning[0]).toMatch(/assuming the UK order/)
    const mixed = resolveDateColumn(['13/01/2020', '14/01/2020', '01/13/2020'], options)
    expect(mixed.order).toBe('dmy')
    expect(mixed.counts.unparseable).toBe(1)
    expect(mixed.unparseableExamples).toEqual(['01/13/2020'])
  })

  it('reads Excel serials in the 1900 system, with no 29 Feb 1900', () => {
    expect(excelSerialToDate(1, '1900')).toEqual({ y: 1900, m: 1, d: 1 })
    expect(excelSerialToDate(59, '1900')).toEqual({ y: 1900, m: 2, d: 28 })
    expect(excelSerialToDate(60, '1900')).toBeNull()
    expect(excelSerialToDate(61, '1900')).toEqual({ y: 1900, m: 3, d: 1 })
    expect(excelSerialToDate(15069, '1900')).toEqual({ y: 1941, m: 4, d: 3 })
    expect(excelSerialToDate(13607, '1904')).toEqual({ y: 1941, m: 4, d: 3 })
    const r = resolveDateColumn(['15069', '60'], options)
    expect(r.counts).toMatchObject({ excelSerial: 1, unparseable: 1 })
  })

  it('reads two-digit years around the pivot, text months and ISO text', () => {
    expect(toIsoDate('3.4.41', 'dmy', { ...options, pivotYear: 10 })).toBe('1941-04-03')
    expect(toIsoDate('3.4.08', 'dmy', { ...options, pivotYear: 10 })).toBe('2008-04-03')
    expect(toIsoDate('3.4.19', 'dmy', options)).toBe('2019-04-03')
    expect(toIsoDate('3 Mar 1941', 'mdy')).toBe('1941-03-03')
    expect(toIsoDate('March 3rd, 1941', 'dmy')).toBe('1941-03-03')
    expect(toIsoDate('1941-03-03T00:00:00Z', 'dmy')).toBe('1941-03-03')
    const r = resolveDateColumn(['3 Mar 1941', '3.4.41', '1941-03-03'], options)
    expect(r.counts).toMatchObject({ textMonth: 1, twoDigitYear: 1, iso: 1, parsed: 3 })
    expect(r.reasoning.some((l) => /two-digit year: 00–25 read as 20xx/.test(l))).toBe(true)
  })

  it('counts impossible and unreadable dates instead of guessing', () => {
    const r = resolveDateColumn(['31/02/1938', 'unknown', '', null, '15/06/1950'], options)
    expect(r.counts).toMatchObject({ values: 3, parsed: 1, unparseable: 2 })
    expect(r.unparseableExamples).toEqual(['unknown', '31/02/1938'])
    expect(r.reasoning.at(-1)).toBe('1 of 3 value(s) read as dates; 2 could not be read.')
  })
})
