/**
 * Spreadsheet-safe CSV (security.md §4, OWASP ASVS 1.2.10): RFC 4180 quoting, UTF-8 with a BOM so
 * Excel reads accents, CRLF line ends, and text cells that a spreadsheet would evaluate as a
 * formula (starting with = + - @ tab CR NUL, or = + - @ after leading spaces) prefixed with '.
 */
const triggers = new Set(['=', '+', '-', '@', '\t', '\r', '\0'])
const afterSpaces = /^\s+[=+\-@]/

export type CellKind = 'text' | 'number'

/** Whether a text cell needs the quote prefix. */
export function isFormulaLike(value: string): boolean {
  return value.length > 0 && (triggers.has(value[0]!) || afterSpaces.test(value))
}

/** Number columns stay numeric when the value really is a number (so -5 is never prefixed). */
export function neutralise(value: string, kind: CellKind = 'text'): string {
  if (kind === 'number' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return value
  return isFormulaLike(value) ? `'${value}` : value
}

export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export class CsvWriter {
  private readonly lines: string[] = []
  /** Cells changed by the formula guard (recorded in the manifest). */
  escapedCells = 0
  rows = 0

  constructor(private readonly kinds: readonly CellKind[] = []) {}

  header(names: readonly string[]): this {
    this.lines.push(names.map((n) => quoteField(neutralise(n))).join(','))
    return this
  }

  row(cells: readonly (string | null | undefined)[]): this {
    this.lines.push(
      cells
        .map((cell, i) => {
          if (cell === null || cell === undefined) return ''
          const safe = neutralise(cell, this.kinds[i] ?? 'text')
          if (safe !== cell) this.escapedCells++
          return quoteField(safe)
        })
        .join(','),
    )
    this.rows++
    return this
  }

  toString(): string {
    return '\uFEFF' + this.lines.map((l) => l + '\r\n').join('')
  }
}
