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

  it('decides month-first when at least three values prove it and they dominate', () => {
    const r = resolveDateColumn(['04/03/1941', '11/23/1938', '12/13/1940', '01/30/1939'], options)
    expect(r.order).toBe('mdy')
    expect(r.reasoning[0]).toMatch(/Month-first evidence dominates.*1 value\(s\) that read either way \(like 01\/02\/2020\) are read month first/)
    expect(toIsoDate('04/03/1941', r.order)).toBe('1941-04-03')
  })

  it('keeps the UK order when month-first evidence is thin or mixed, so ambiguous dates are not re-dated', () => {
    const single = resolveDateColumn(['12/13/2020', '01/02/2020', '03/04/2020'], options)
    expect(single.order).toBe('dmy')
    expect(toIsoDate('01/02/2020', single.order)).toBe('2020-02-01')
    expect(single.unparseableExamples).toEqual(['12/13/2020'])
    expect(single.reasoning[0]).toMatch(/Month first needs at least 3 such values and 90% .* the UK order is kept/)
    const mixed = resolveDateColumn(['25/12/2019', '12/13/2020', '11/14/2020', '10/15/2020', '01/02/2020'], options)
    expect(mixed.order).toBe('dmy') // 3 of 4 proving values (75%) is not enough
    expect(mixed.counts).toMatchObject({ parsed: 2, unparseable: 3 })
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

  it('reports a bare year as a year only, not an Excel serial, and reads no serial beyond 2100', () => {
    const r = resolveDateColumn(['1941', '1941.0', '03/04/1941', '2019'], options)
    expect(r.counts).toMatchObject({ values: 4, parsed: 1, unparseable: 3, excelSerial: 0 })
    expect(r.unparseableExamples).toEqual(['1941', '1941.0', '2019'])
    expect(r.reasoning).toContain("3 value(s) look like a year only (e.g. '1941'), not a full date: not read as dates (nor as Excel serials).")
    for (const year of ['1800', '1941', '1941.0', '2019', '2100']) expect(toIsoDate(year, 'dmy'), year).toBeNull()
    expect(toIsoDate('194103', 'dmy')).toBeNull() // yyyymm, serial year 2431
    expect(toIsoDate('73416', 'dmy')).toBeNull() // 1 Jan 2101
    expect(toIsoDate('73415', 'dmy')).toBe('2100-12-31')
    expect(toIsoDate('15069', 'dmy')).toBe('1941-04-03')
    expect(toIsoDate('15069.0', 'dmy')).toBe('1941-04-03')
    expect(toIsoDate('15069.5', 'dmy')).toBe('1941-04-03')
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
