/**
 * Header row detection, shared by every grid reader (CSV, XLSX, XLS): legacy spreadsheets often
 * start with a title ("Residents – March 2024"), a print date and blank rows before the real
 * header. We look at the first rows and pick the first one that is as wide as the data below it
 * and made of labels rather than values (numbers, dates or amounts only where the column below holds
 * text). When no row qualifies, every row is data. The user can always override with `headerRow`.
 */
import type { SourceCells } from './reader'

/** How many leading rows are examined; a header further down must be given by the user. */
export const headerSampleRows = 30

export interface HeaderChoice {
  /** 1-based row number of the header, or 0 when the sheet has no header row. */
  headerRow: number
  /** Column names as written in the header (may be blank or repeated; see `uniqueColumnNames`). */
  labels: (string | null)[]
  /** Rows above the header (titles, notes); reported to the user, not imported. */
  titleRows: SourceCells[]
  /** Rows after the header that were examined and are data. */
  dataRows: SourceCells[]
}

function filled(cells: (string | null)[]): string[] {
  return cells.filter((c): c is string => c !== null && c.trim() !== '').map((c) => c.trim())
}

/** Numbers, dates, amounts: values, not labels. */
const valueLike = /^[-+£$€]?\d[\d,. /:-]*%?$/

/** Whether the filled cells of `column` in `rows` are mostly text (so a number above them is a label). */
function textColumn(rows: SourceCells[], column: number): boolean {
  const values = filled(rows.map((r) => r.cells[column] ?? null))
  return values.length > 0 && values.filter((v) => valueLike.test(v)).length * 2 < values.length
}

/**
 * Labels rather than values. A header may still name a column with a number or a date ("2024",
 * "01/04/2024") when the column below it holds text and most of the header is words; a print-date
 * row ("Printed, 25/11/2024") is half values and stays a title.
 */
function looksLikeHeader(cells: (string | null)[], width: number, below: SourceCells[]): boolean {
  const labels = filled(cells)
  if (labels.length === 0 || labels.length < Math.ceil(width * 0.5)) return false
  const valueColumns = cells.flatMap((c, i) => (c !== null && valueLike.test(c.trim()) ? [i] : []))
  if (valueColumns.length === 0) return true
  return valueColumns.length * 3 <= labels.length && valueColumns.every((i) => textColumn(below, i))
}

/** Position after the last filled cell. */
function usedWidth(cells: (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i]
    if (c !== null && c !== undefined && c.trim() !== '') return i + 1
  }
  return 0
}

/** The typical width of the data: the most common used width among non-blank rows. */
function typicalWidth(rows: SourceCells[]): number {
  const counts = new Map<number, number>()
  for (const r of rows) {
    const w = usedWidth(r.cells)
    if (w > 0) counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  let best = 0
  let bestCount = 0
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n]
  return best
}

/** Returns null when the user's `forcedRow` is not in the sample (the sheet is shorter). */
export function chooseHeader(sample: SourceCells[], forcedRow: number | undefined): HeaderChoice | null {
  if (forcedRow === 0) return { headerRow: 0, labels: [], titleRows: [], dataRows: sample }
  const width = typicalWidth(sample)
  const index =
    forcedRow !== undefined
      ? sample.findIndex((r) => r.rowNumber === forcedRow)
      : sample.findIndex((r, i) => looksLikeHeader(r.cells, width, sample.slice(i + 1)))
  if (index < 0) return forcedRow !== undefined ? null : { headerRow: 0, labels: [], titleRows: [], dataRows: sample }
  const header = sample[index]!
  return {
    headerRow: header.rowNumber,
    labels: header.cells,
    titleRows: sample.slice(0, index).filter((r) => usedWidth(r.cells) > 0),
    dataRows: sample.slice(index + 1),
  }
}

/**
 * Names the user will see: trimmed; blank ones become "Column 3" (its 1-based position);
 * repeats become "Tel (2)", "Tel (3)". Comparison ignores case, as people do.
 */
export function uniqueColumnNames(labels: (string | null)[], width: number): string[] {
  const used = new Set<string>()
  const names: string[] = []
  for (let i = 0; i < width; i++) {
    const base = labels[i]?.trim().replace(/\s+/g, ' ') || `Column ${i + 1}`
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`
    used.add(name.toLowerCase())
    names.push(name)
  }
  return names
}

/** Physical column names in `raw_<tableId>`: c0..cN, so user labels never reach SQL. */
export function sqlColumnName(ordinal: number): string {
  return `c${ordinal}`
}
