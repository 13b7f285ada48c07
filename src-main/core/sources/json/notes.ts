/**
 * What the user should know about the elements of a JSON table (or the lines of an NDJSON file):
 * nulls not imported, plain values imported in the "value" column, numbers too large to keep, lone
 * surrogates replaced. The first few positions are listed; counts are always complete.
 */
import { hasUnsafeNumber, isRecord, plainValueKey } from './flatten'
import type { FlatRecord } from './flatten'

const examples = 10

class Examples<T> {
  readonly listed: T[] = []
  count = 0
  add(item: T): void {
    if (++this.count <= examples) this.listed.push(item)
  }
  get more(): string {
    return this.count > this.listed.length ? ` and ${this.count - this.listed.length} more` : ''
  }
}

export class ElementNotes {
  private readonly nulls = new Examples<number>()
  private readonly plain = new Examples<number>()
  private readonly unsafe = new Examples<number>()
  private readonly repaired = new Examples<{ at: number; key: string }>()

  /** `unit` names a position: "Element" of a JSON array, "Line" of an NDJSON file. */
  constructor(private readonly unit: 'Element' | 'Line') {}

  add(at: number, element: unknown, flat: FlatRecord | null): void {
    if (flat === null) return this.nulls.add(at)
    // A blank plain value is a blank row, which the engine skips and reports itself.
    if (!isRecord(element) && flat.cells.get(plainValueKey)?.trim()) this.plain.add(at)
    if (hasUnsafeNumber(element)) this.unsafe.add(at)
    for (const key of flat.repaired) this.repaired.add({ at, key })
  }

  private which(ex: Examples<number>): string {
    return ex.count === 1 ? `${this.unit} ${ex.listed[0]}` : `${this.unit}s ${ex.listed.join(', ')}${ex.more}`
  }

  /** `nameOf` gives the column name of a field key. */
  warnings(nameOf: (key: string) => string): string[] {
    const out: string[] = []
    const one = (ex: Examples<unknown>, single: string, plural: string) => out.push(ex.count === 1 ? single : plural)
    if (this.nulls.count) one(this.nulls, `${this.which(this.nulls)} is null, not a record; it was not imported.`, `${this.which(this.nulls)} are null, not records; they were not imported.`)
    if (this.plain.count) {
      const column = nameOf(plainValueKey)
      one(this.plain, `${this.which(this.plain)} is a plain value, not a record; it was imported as a row with its value in the column "${column}".`, `${this.which(this.plain)} are plain values, not records; they were imported as rows with their values in the column "${column}".`)
    }
    if (this.unsafe.count) one(this.unsafe, `${this.which(this.unsafe)} has a number too large to keep exactly; write such identifiers as strings in the JSON.`, `${this.which(this.unsafe)} have numbers too large to keep exactly; write such identifiers as strings in the JSON.`)
    if (this.repaired.count) {
      const fields = this.repaired.listed.map(({ at, key }) => `${this.unit.toLowerCase()} ${at}, field "${nameOf(key)}"`).join('; ')
      out.push(`Lone UTF-16 surrogates (halves of a character pair, such as a cut-off emoji) were replaced by U+FFFD "\uFFFD" in ${this.repaired.count === 1 ? '1 field' : `${this.repaired.count} fields`}: ${fields}${this.repaired.more}.`)
    }
    return out
  }
}
