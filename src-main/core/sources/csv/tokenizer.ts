/**
 * A lean RFC 4180 tokenizer over decoded text chunks. Most records have no quotes: they are found
 * with indexOf and split natively, which is what makes a million-row import fast. Records with
 * quotes take a careful path: quoted cells may hold delimiters, doubled quotes and line breaks.
 * Deliberately lenient where real exports are sloppy: a quote inside an unquoted cell (5'10")
 * is text, and text after a closing quote is kept. A quote that is never closed is an error.
 * Line endings may be LF, CRLF or a mix; old Mac files with CR only are handled too.
 */
import { ApiError } from '../../../contract/errors'
import type { SourceCells } from '../reader'

export interface TokenizerOptions {
  delimiter: string
  /** Record separator: '\n' (also handles CRLF) or '\r' for old Mac files. */
  newline: '\n' | '\r'
  fileName: string
  /** A record longer than this (characters) is refused: protects memory from a file with no line breaks. */
  maxRecordChars: number
  maxColumns: number
}

/** Thrown inside the careful path when the record continues in the next chunk. */
const needMore = Symbol('needMore')

export class CsvTokenizer {
  private rest = ''
  private rowNumber = 0
  /** Cells where text followed a closing quote (kept, reported). */
  strayQuoteRows: number[] = []

  constructor(private readonly o: TokenizerOptions) {}

  /** Tokenizes every complete record in `text` (plus what was left over); `final` flushes the rest. */
  push(text: string, final: boolean): SourceCells[] {
    const s = this.rest.length ? this.rest + text : text
    const out: SourceCells[] = []
    const { delimiter, newline } = this.o
    const len = s.length
    let pos = 0
    let nextQuote = s.indexOf('"')
    while (pos < len) {
      let nl = s.indexOf(newline, pos)
      if (nl < 0) {
        if (!final) break
        nl = len
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = s.indexOf('"', pos)
      if (nextQuote === -1 || nextQuote > nl) {
        let end = nl
        if (newline === '\n' && end > pos && s.charCodeAt(end - 1) === 13) end--
        const line = s.slice(pos, end)
        const cells = line.split(delimiter)
        this.check(cells.length, end - pos)
        out.push({ rowNumber: ++this.rowNumber, cells, line })
        pos = nl + 1
        continue
      }
      const record = this.quotedRecord(s, pos, final)
      if (record === needMore) break
      out.push({ rowNumber: ++this.rowNumber, cells: record.cells })
      pos = record.next
      nextQuote = s.indexOf('"', pos)
    }
    this.rest = pos < len ? s.slice(pos) : ''
    if (this.rest.length > this.o.maxRecordChars) {
      throw new ApiError('IMPORT_REJECTED', `${this.o.fileName}: row ${this.rowNumber + 1} is longer than ${this.o.maxRecordChars.toLocaleString('en-GB')} characters; the file may not be CSV, or a quote may be missing.`, { file: this.o.fileName, row: this.rowNumber + 1 })
    }
    return out
  }

  private check(cells: number, chars: number): void {
    if (cells > this.o.maxColumns) {
      throw new ApiError('IMPORT_REJECTED', `${this.o.fileName}: row ${this.rowNumber + 1} has ${cells} cells, more than the limit of ${this.o.maxColumns}.`, { file: this.o.fileName, row: this.rowNumber + 1 })
    }
    if (chars > this.o.maxRecordChars) {
      throw new ApiError('IMPORT_REJECTED', `${this.o.fileName}: row ${this.rowNumber + 1} is longer than ${this.o.maxRecordChars.toLocaleString('en-GB')} characters.`, { file: this.o.fileName, row: this.rowNumber + 1 })
    }
  }

  /** Whether position `i` ends a record (newline, CRLF, or end of the final text). */
  private endsRecord(s: string, i: number): number {
    const c = s.charCodeAt(i)
    if (this.o.newline === '\n') {
      if (c === 10) return 1
      if (c === 13 && s.charCodeAt(i + 1) === 10) return 2
      return 0
    }
    return c === 13 ? 1 : 0
  }

  private quotedRecord(s: string, start: number, final: boolean): { cells: string[]; next: number } | typeof needMore {
    const { delimiter } = this.o
    const cells: string[] = []
    const len = s.length
    let i = start
    for (;;) {
      let cell: string
      if (s.charCodeAt(i) === 34) {
        const closed = this.quotedCell(s, i + 1, final)
        if (closed === needMore) return needMore
        cell = closed.value
        i = closed.next
        if (i < len && s[i] !== delimiter && !this.endsRecord(s, i)) {
          const stop = this.cellEnd(s, i)
          if (stop < 0 && !final) return needMore
          const end = stop < 0 ? len : stop
          cell += s.slice(i, end)
          this.strayQuoteRows.push(this.rowNumber + 1)
          i = end
        } else if (i >= len && !final) return needMore
      } else {
        const stop = this.cellEnd(s, i)
        if (stop < 0 && !final) return needMore
        const end = stop < 0 ? len : stop
        cell = s.slice(i, end)
        i = end
      }
      cells.push(cell)
      if (i >= len) break
      if (s[i] === delimiter) {
        i++
        continue
      }
      i += this.endsRecord(s, i)
      break
    }
    this.check(cells.length, i - start)
    return { cells, next: i }
  }

  private quotedCell(s: string, from: number, final: boolean): { value: string; next: number } | typeof needMore {
    let value = ''
    let j = from
    for (;;) {
      const q = s.indexOf('"', j)
      if (q < 0) {
        if (!final) return needMore
        throw new ApiError(
          'IMPORT_REJECTED',
          `${this.o.fileName}: a quoted cell in row ${this.rowNumber + 1} is never closed, so the rest of the file would be one cell. Check that row for a stray " character.`,
          { file: this.o.fileName, row: this.rowNumber + 1 },
          { reason: 'unclosed-quote' },
        )
      }
      if (q + 1 >= s.length && !final) return needMore
      value += s.slice(j, q)
      if (s.charCodeAt(q + 1) === 34) {
        value += '"'
        j = q + 2
        continue
      }
      return { value, next: q + 1 }
    }
  }

  /** End of an unquoted cell (next delimiter or line end), or -1 if not in this text. */
  private cellEnd(s: string, i: number): number {
    const d = s.indexOf(this.o.delimiter, i)
    let n = s.indexOf(this.o.newline, i)
    if (n >= 0 && this.o.newline === '\n' && n > i && s.charCodeAt(n - 1) === 13) n--
    if (d < 0) return n
    return n < 0 ? d : Math.min(d, n)
  }
}
