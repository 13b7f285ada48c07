/**
 * Turns JSON records into rows of text: nested objects become dotted columns ("address.postcode"),
 * arrays are kept whole as JSON text (never silently dropped), scalars become their text
 * (true/false, numbers as written by JavaScript), null stays empty.
 */
export type Flat = Map<string, string | null>

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return JSON.stringify(value)
  return String(value)
}

export function flatten(record: unknown, into: Flat = new Map(), prefix = ''): Flat {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    into.set(prefix ? prefix.slice(0, -1) : 'value', cellText(record))
    return into
  }
  const entries = Object.entries(record as Record<string, unknown>)
  if (entries.length === 0 && prefix) into.set(prefix.slice(0, -1), null)
  for (const [key, value] of entries) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, into, `${prefix}${key}.`)
    else into.set(`${prefix}${key}`, cellText(value))
  }
  return into
}

/** Column names in first-seen order across records. */
export class ColumnUnion {
  private readonly seen = new Map<string, number>()
  add(flat: Flat): void {
    for (const key of flat.keys()) if (!this.seen.has(key)) this.seen.set(key, this.seen.size)
  }
  get names(): string[] {
    return [...this.seen.keys()]
  }
}

export function cellsOf(flat: Flat, columns: string[]): (string | null)[] {
  return columns.map((c) => flat.get(c) ?? null)
}

/** Numbers beyond 2^53 lose digits in JSON.parse; the user is told which row. */
export function hasUnsafeNumber(record: unknown): boolean {
  if (typeof record === 'number') return Number.isInteger(record) && !Number.isSafeInteger(record)
  if (record && typeof record === 'object') return Object.values(record as object).some(hasUnsafeNumber)
  return false
}
