import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvWriter, isFormulaLike, neutralise } from '../../../src-main/core/export'

function roundTrip(values: string[]): string[] {
  const text = new CsvWriter().row(values).toString()
  const rows = parse(text.slice(1), { relax_column_count: true, record_delimiter: '\r\n' }) as string[][]
  return rows[0] ?? []
}

describe('spreadsheet-safe CSV (security.md §4)', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', '\0x', ' =1', '=HYPERLINK("http://x","y")'])('prefixes %j', (v) => {
    expect(neutralise(v)).toBe(`'${v}`)
  })
  it.each(['a=b', 'email@x', '', 'Zoë', '01632 960123'])('leaves %j alone', (v) => {
    expect(neutralise(v)).toBe(v)
  })
  it('keeps real numbers numeric in number columns, but guards text there too', () => {
    expect(neutralise('-5', 'number')).toBe('-5')
    expect(neutralise('-5', 'text')).toBe("'-5")
    expect(neutralise('=1+1', 'number')).toBe("'=1+1")
  })
  it('writes a BOM, CRLF line ends and RFC 4180 quoting, and counts escaped cells', () => {
    const w = new CsvWriter().header(['a', 'b']).row(['x,y', 'say "hi"']).row(['=1', null])
    expect(w.toString()).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n\'=1,\r\n')
    expect(w.escapedCells).toBe(1)
  })
  it('records the full-width equals sign as not a trigger (documented decision)', () => {
    expect(isFormulaLike('＝1+1')).toBe(false)
  })
  it('round-trips any text: parsed back it is the original, or the original with a quote iff it looks like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (values) => {
        const back = roundTrip(values)
        values.forEach((v, i) => {
          expect(back[i] ?? '').toBe(isFormulaLike(v) ? `'${v}` : v)
          expect(isFormulaLike(back[i] ?? '')).toBe(false)
        })
      }),
      { numRuns: 500 },
    )
  })
})
