/**
 * Streams one worksheet part into rows of text cells with their real row numbers. Formula cells
 * give their cached result (never re-evaluated), rich text is concatenated, booleans read TRUE and
 * FALSE as Excel shows them, and empty rows are skipped. Merged ranges are stored after the rows,
 * so they are reported as a warning when the sheet ends; their value stays in the top-left cell.
 */
import type { ImportLimits, SourceCells } from '../reader'
import { numericCellText, unescapeXstring } from './cell-text'
import { ReaderProblem } from './rejection'
import type { WorkbookInfo } from './workbook'
import { parseXmlPart } from './xml'
import type { ZipArchive } from './zip'


/** "XFD1048576" -> { col: 16384, row: 1048576 }; column letters are base 26 without zero. */
export function parseCellRef(ref: string): { col: number; row: number } {
  let col = 0
  let i = 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20
    if (code < 97 || code > 122) break
    col = col * 26 + (code - 96)
  }
  return { col, row: Number(ref.slice(i)) || 0 }
}

export interface SheetTally {
  merged: string[]
  formulas: number
  errors: number
}

class SheetState {
  rowNumber = 0
  cells: (string | null)[] = []
  col = 0
  type = 'n'
  style = 0
  value = ''
  inValue = false
  phonetic = 0
  readonly ready: SourceCells[] = []

  constructor(
    private readonly book: WorkbookInfo,
    private readonly limits: ImportLimits,
    readonly tally: SheetTally,
  ) {}

  checkDimension(ref: string): void {
    const end = parseCellRef(ref.split(':').pop() ?? '')
    if (end.row > this.limits.maxRows || end.col > this.limits.maxColumns) {
      throw new ReaderProblem(
        `the sheet declares ${end.row} rows × ${end.col} columns, beyond the limit of ${this.limits.maxRows} rows × ${this.limits.maxColumns} columns`,
      )
    }
  }

  startRow(r: string | undefined): void {
    this.rowNumber = r ? Number(r) : this.rowNumber + 1
    if (!(this.rowNumber > 0 && this.rowNumber <= this.limits.maxRows)) {
      throw new ReaderProblem(`row number ${r} is beyond the limit of ${this.limits.maxRows} rows`)
    }
    this.cells = []
    this.col = 0
  }

  startCell(a: Record<string, string>): void {
    this.col = a.r ? parseCellRef(a.r).col : this.col + 1
    if (!(this.col > 0 && this.col <= this.limits.maxColumns)) {
      throw new ReaderProblem(`cell ${a.r ?? ''} is beyond the limit of ${this.limits.maxColumns} columns`, this.rowNumber)
    }
    this.type = a.t ?? 'n'
    this.style = a.s ? Number(a.s) : 0
    this.value = ''
  }

  addText(text: string): void {
    if (!this.inValue) return
    this.value += text
    if (this.value.length > this.limits.maxCellChars) {
      throw new ReaderProblem(`a cell holds more than ${this.limits.maxCellChars} characters`, this.rowNumber)
    }
  }

  cellText(): string | null {
    const v = this.value
    if (v === '') return null
    switch (this.type) {
      case 's': {
        const text = this.book.sharedStrings[Number(v)]
        if (text === undefined) throw new ReaderProblem(`a cell refers to shared text number ${v}, which does not exist`, this.rowNumber)
        return text
      }
      case 'b':
        return v === '1' || v === 'true' ? 'TRUE' : 'FALSE'
      case 'e':
        this.tally.errors++
        return v
      case 'n':
        return numericCellText(v, this.book.styles[this.style], this.book.date1904)
      default: // str (formula text), inlineStr, d (ISO date stored as text)
        return unescapeXstring(v)
    }
  }

  endCell(): void {
    const text = this.cellText()
    if (text === null || text === '') return
    while (this.cells.length < this.col - 1) this.cells.push(null)
    this.cells[this.col - 1] = text
  }

  endRow(): void {
    if (this.cells.length > 0) this.ready.push({ rowNumber: this.rowNumber, cells: this.cells })
    this.cells = []
  }
}

/** Yields the sheet's non-empty rows; fills `tally` as it goes (complete once the rows are done). */
export async function* readSheetRows(
  zip: ZipArchive,
  part: string,
  book: WorkbookInfo,
  limits: ImportLimits,
  tally: SheetTally,
  onChunk: (bytes: number) => void,
): AsyncGenerator<SourceCells> {
  const s = new SheetState(book, limits, tally)
  const handlers = {
    open(name: string, a: Record<string, string>): void {
      switch (name) {
        case 'c': return s.startCell(a)
        case 'v': s.inValue = true; return
        case 't': s.inValue = s.phonetic === 0; return
        case 'rPh': s.phonetic++; return
        case 'row': return s.startRow(a.r)
        case 'f': s.tally.formulas++; return
        case 'dimension': return s.checkDimension(a.ref ?? '')
        case 'mergeCell': if (a.ref) s.tally.merged.push(a.ref); return
      }
    },
    text: (t: string): void => s.addText(t),
    close(name: string): void {
      switch (name) {
        case 'c': return s.endCell()
        case 'v': case 't': s.inValue = false; return
        case 'rPh': s.phonetic--; return
        case 'row': return s.endRow()
      }
    },
  }
  try {
    for await (const bytes of parseXmlPart(zip, part, handlers)) {
      yield* s.ready
      s.ready.length = 0
      onChunk(bytes)
    }
  } catch (e) {
    if (e instanceof ReaderProblem && e.row === undefined && s.rowNumber > 0) throw new ReaderProblem(e.message, s.rowNumber)
    throw e
  }
}
