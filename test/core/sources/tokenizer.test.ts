/** The hand-tuned CSV tokenizer agrees with csv-parse on any RFC 4180 text, however it is chunked. */
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvTokenizer } from '../../../src-main/core/sources/csv/tokenizer'

const cell = fc.string({ unit: fc.constantFrom('a', 'Zoë', ' ', ',', ';', '"', '\n', '\r\n', '0', 'Ł'), maxLength: 8 })
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })

function quote(c: string): string {
  return /[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c
}

function tokenize(text: string, cuts: number[]): string[][] {
  const t = new CsvTokenizer({ delimiter: ',', newline: '\n', fileName: 't.csv', maxRecordChars: 1e6, maxColumns: 100 })
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const rows: string[][] = []
  let from = 0
  for (const p of points) {
    rows.push(...t.push(text.slice(from, p), false).map((r) => r.cells as string[]))
    from = p
  }
  rows.push(...t.push(text.slice(from), true).map((r) => r.cells as string[]))
  return rows
}

describe('CSV tokenizer', () => {
  it('matches csv-parse for quoted RFC 4180 text split into arbitrary chunks', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (rows, cuts, crlf) => {
        const eol = crlf ? '\r\n' : '\n'
        const text = rows.map((r) => r.map(quote).join(',') + eol).join('')
        expect(tokenize(text, cuts)).toEqual(parse(text, { relax_column_count: true, record_delimiter: eol }))
      }),
      { numRuns: 300, seed: 7 },
    )
  })
})
