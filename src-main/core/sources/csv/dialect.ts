/**
 * The delimiter and line ending of a text file, sniffed from its first records: the candidate
 * (comma, semicolon, tab, pipe) that splits the most records into the same number of cells wins.
 * Quotes are respected, so commas inside "Smith, John" do not count.
 */
export const delimiterCandidates = [',', ';', '\t', '|'] as const

const sampleRecords = 50

/** Cells per record for one delimiter, over the first records of the sample. */
function cellCounts(text: string, delimiter: string, newline: string): number[] {
  const counts: number[] = []
  let inQuotes = false
  let cells = 1
  let blank = true
  for (let i = 0; i < text.length && counts.length < sampleRecords; i++) {
    const c = text[i]
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes && c === delimiter) cells++
    else if (!inQuotes && c === newline) {
      if (!blank) counts.push(cells)
      cells = 1
      blank = true
      continue
    }
    if (c !== '\r') blank = false
  }
  return counts
}

function consistency(counts: number[]): { cells: number; records: number } {
  const freq = new Map<number, number>()
  for (const n of counts) if (n > 1) freq.set(n, (freq.get(n) ?? 0) + 1)
  let best = { cells: 1, records: 0 }
  for (const [cells, records] of freq) if (records > best.records || (records === best.records && cells > best.cells)) best = { cells, records }
  return best
}

export function sniffNewline(text: string): '\n' | '\r' {
  // Only line breaks outside quoted cells count: an old Mac (CR) file may hold LF inside a quoted
  // note. CR is chosen only when no LF is outside quotes, so a stray quote cannot turn an LF file
  // into one record.
  let inQuotes = false
  let bareCr = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (!inQuotes && c === 10) return '\n'
    else if (!inQuotes && c === 13 && text.charCodeAt(i + 1) !== 10) bareCr = true
  }
  return bareCr ? '\r' : '\n'
}

/** The best delimiter; `preferTab` for .tsv/.tab files breaks ties. Comma when nothing splits. */
export function sniffDelimiter(text: string, newline: string, preferTab: boolean): string {
  let best: { delimiter: string; cells: number; records: number } = { delimiter: preferTab ? '\t' : ',', cells: 1, records: 0 }
  for (const delimiter of delimiterCandidates) {
    const score = consistency(cellCounts(text, delimiter, newline))
    const better = score.records > best.records || (score.records === best.records && score.records > 0 && (score.cells > best.cells || (preferTab && delimiter === '\t')))
    if (better) best = { delimiter, ...score }
  }
  return best.delimiter
}

export function describeDelimiter(d: string): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : `"${d}"`
}
