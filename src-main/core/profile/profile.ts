/**
 * Column statistics for one imported table, in one streaming pass over its rows (bounded memory:
 * distinct values are counted exactly up to a cap, after which `distinctCapped` is set and the
 * top values are those seen among the tracked ones).
 */
import type Database from 'better-sqlite3'
import { getSourceTable, iterateRows } from '../sources/store'
import { isBlank, patternKinds, patternOf, shapeOf, valueType, valueTypes } from './classify'
import type { PatternKind, ValueType } from './classify'
import type { ColumnProfile, TableProfile } from '../../contract/methods/profile'

export interface ProfileOptions {
  /** Distinct values tracked per column before counting stops being exact. */
  distinctCap?: number
  /** Called every few thousand rows for progress and cancellation. */
  onRows?: (rows: number) => void
}

const patternThreshold = 0.8
const topN = 10
const shapeCap = 1000

class ColumnStats {
  blanks = 0
  nonBlank = 0
  minLength = Infinity
  maxLength = 0
  capped = false
  readonly values = new Map<string, number>()
  readonly shapes = new Map<string, number>()
  readonly types = Object.fromEntries(valueTypes.map((t) => [t, 0])) as Record<ValueType, number>
  readonly patterns = Object.fromEntries(patternKinds.map((p) => [p, 0])) as Record<PatternKind, number>

  constructor(private readonly cap: number) {}

  add(raw: string | null): void {
    if (isBlank(raw)) {
      this.blanks++
      return
    }
    this.nonBlank++
    const length = [...raw].length
    this.minLength = Math.min(this.minLength, length)
    this.maxLength = Math.max(this.maxLength, length)
    this.types[valueType(raw)]++
    const pattern = patternOf(raw)
    if (pattern) this.patterns[pattern]++
    const seen = this.values.get(raw)
    if (seen !== undefined) this.values.set(raw, seen + 1)
    else if (this.values.size < this.cap) this.values.set(raw, 1)
    else this.capped = true
    const shape = shapeOf(raw)
    const shapeSeen = this.shapes.get(shape)
    if (shapeSeen !== undefined) this.shapes.set(shape, shapeSeen + 1)
    else if (this.shapes.size < shapeCap) this.shapes.set(shape, 1)
  }

  result(ordinal: number, name: string): ColumnProfile {
    const highest = [...valueTypes].reverse().find((t) => this.types[t] > 0)
    const best = [...patternKinds].sort((a, b) => this.patterns[b] - this.patterns[a])[0]!
    const share = this.nonBlank ? this.patterns[best] / this.nonBlank : 0
    return {
      ordinal,
      name,
      type: highest ?? 'empty',
      typeCounts: this.types,
      pattern: share >= patternThreshold ? { kind: best, share: Math.round(share * 1000) / 1000 } : null,
      blanks: this.blanks,
      distinct: this.values.size,
      distinctCapped: this.capped,
      topValues: top(this.values, topN).map(([value, count]) => ({ value, count })),
      minLength: this.nonBlank ? this.minLength : null,
      maxLength: this.nonBlank ? this.maxLength : null,
      shapes: top(this.shapes, 5).map(([shape, count]) => ({ shape, count })),
    }
  }
}

/** Highest counts first; ties in first-seen order (Map order), so results are stable. */
function top(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
}

export function profileTable(db: Database.Database, tableId: number, options: ProfileOptions = {}): TableProfile {
  const info = getSourceTable(db, tableId)
  const stats = info.columns.map(() => new ColumnStats(options.distinctCap ?? 100_000))
  let rows = 0
  for (const row of iterateRows(db, tableId)) {
    stats.forEach((s, i) => s.add(row.values[i] ?? null))
    rows++
    if (rows % 5000 === 0) options.onRows?.(rows)
  }
  return {
    tableId,
    name: info.name,
    fileName: info.fileName,
    sheet: info.sheet,
    rows,
    columns: info.columns.map((c, i) => stats[i]!.result(c.ordinal, c.name)),
  }
}
