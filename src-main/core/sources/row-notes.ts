/**
 * Collects what the user should know about a sheet's rows: ragged rows (row, expected, found),
 * extra cells kept in new columns, skipped blank rows and title rows above the header. Only the
 * first few examples are listed; counts are always complete.
 */
import type { SourceCells } from './reader'

const examples = 10
const titleChars = 80

/** "1 row has" / "3 rows have". */
export function rowsHave(n: number): string {
  return n === 1 ? '1 row has' : `${n} rows have`
}

function rowList(rows: number[], total: number): string {
  const listed = rows.join(', ')
  return total > rows.length ? `${listed} and ${total - rows.length} more` : listed
}

export class RowNotes {
  private short: { row: number; found: number }[] = []
  private shortCount = 0
  private long: { row: number; found: number }[] = []
  private longCount = 0
  private added: string[] = []
  private blankRows: number[] = []
  private blankCount = 0

  constructor(
    private readonly expected: number,
    private readonly reportShort: boolean,
  ) {}

  blank(row: number): void {
    if (++this.blankCount <= examples) this.blankRows.push(row)
  }

  /** `found` cells, the last non-empty one at position `used`. */
  checkWidth(row: number, found: number, used: number): void {
    if (used > this.expected) {
      if (++this.longCount <= examples) this.long.push({ row, found: used })
    } else if (this.reportShort && found < this.expected) {
      if (++this.shortCount <= examples) this.short.push({ row, found })
    }
  }

  newColumns(names: string[]): void {
    this.added.push(...names)
  }

  titles(rows: SourceCells[]): string[] {
    if (rows.length === 0) return []
    const text = rows.map((r) => `row ${r.rowNumber}: "${r.cells.filter((c) => c && c.trim()).join(' ').slice(0, titleChars)}"`)
    return [`Rows above the header were read as titles and not imported (${text.join('; ')}).`]
  }

  private ragged(list: { row: number; found: number }[], count: number, what: string, outcome: string): string {
    const rows = list.map((s) => `row ${s.row} has ${s.found}`).join(', ')
    const more = count > list.length ? ` and ${count - list.length} more rows` : ''
    return `${rowsHave(count)} ${what} cells than the ${this.expected} columns of the header (${rows}${more}); ${outcome}.`
  }

  summary(): string[] {
    const out: string[] = []
    if (this.longCount) {
      const cols = this.added.map((c) => `"${c}"`).join(', ')
      out.push(this.ragged(this.long, this.longCount, 'more', `the extra cells are kept in the added column${this.added.length > 1 ? 's' : ''} ${cols}`))
    }
    if (this.shortCount) out.push(this.ragged(this.short, this.shortCount, 'fewer', 'the missing cells are left empty'))
    if (this.blankCount) out.push(`${this.blankCount === 1 ? '1 blank row was' : `${this.blankCount} blank rows were`} skipped (${this.blankCount === 1 ? 'row' : 'rows'} ${rowList(this.blankRows, this.blankCount)}).`)
    return out
  }
}
