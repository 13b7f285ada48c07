/**
 * Database values as the raw text the workspace stores: numbers as written (bigints exact), dates
 * as ISO text, booleans "true"/"false", NULL as null. Binary values (photos, OLE objects) are not
 * copied: they become a size note and the column is reported, so nothing vanishes silently.
 */

/** Per column: how many binary values were replaced by a note. */
export class BinaryTally {
  private readonly counts = new Map<string, number>()

  note(column: string, bytes: number): string {
    this.counts.set(column, (this.counts.get(column) ?? 0) + 1)
    return `[binary data, ${bytes} bytes]`
  }

  warnings(): string[] {
    return [...this.counts].map(
      ([column, n]) => `Column "${column}" holds binary data (${n} value(s), e.g. photos or documents); each was imported as a note of its size, not its content.`,
    )
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A Date whose UTC fields carry the stored wall-clock time (how mdb-reader and our drivers build them). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'invalid date'
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const h = d.getUTCHours()
  const m = d.getUTCMinutes()
  const s = d.getUTCSeconds()
  return h || m || s ? `${date}T${pad(h)}:${pad(m)}:${pad(s)}` : date
}

const isAttachment = (v: unknown): v is { data: Uint8Array } =>
  typeof v === 'object' && v !== null && (v as { data?: unknown }).data instanceof Uint8Array

export function valueText(value: unknown, column: string, binaries: BinaryTally): string | null {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'bigint':
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
  }
  if (value instanceof Date) return dateText(value)
  if (value instanceof Uint8Array) return binaries.note(column, value.length)
  // Access attachment fields: a list of files.
  if (Array.isArray(value) && value.length > 0 && value.every(isAttachment)) return binaries.note(column, value.reduce((n, a) => n + a.data.length, 0))
  return JSON.stringify(value)
}
