/**
 * Column names for flattened JSON fields: the dotted path, made unique the engine's way
 * ("a.b (2)", case-insensitive), with a warning for every field whose column name had to change,
 * so two fields sharing a name keep both values and the user knows which column is which.
 */
import { uniqueColumnNames } from '../header'
import { pathOf, plainValueKey, wellFormed } from './flatten'
import type { Flat } from './flatten'

/** Field keys in first-seen order across records. */
export class ColumnUnion {
  private readonly seen = new Set<string>()
  add(flat: Flat): void {
    for (const key of flat.keys()) this.seen.add(key)
  }
  get keys(): string[] {
    return [...this.seen]
  }
}

export interface Columns {
  keys: string[]
  names: string[]
  warnings: string[]
}

function rawLabel(key: string): string {
  return key === plainValueKey ? 'value' : pathOf(key).join('.')
}

function describe(key: string): string {
  if (key === plainValueKey) return 'the plain values (elements that are not records)'
  return pathOf(key).map((s) => `"${wellFormed(s)}"`).join(' → ')
}

/** The name a label gets when no other column has claimed it (lower case, as the engine compares). */
function alone(label: string): string {
  return uniqueColumnNames([label], 1)[0]!.toLowerCase()
}

function renameNotes(keys: string[], labels: string[], names: string[], i: number): string[] {
  const notes: string[] = []
  const label = labels[i]!
  const name = names[i]!
  if (label !== rawLabel(keys[i]!)) notes.push(`The field name ${describe(keys[i]!)} held a lone UTF-16 surrogate (half of a character pair); the column is named "${name}", with U+FFFD "\uFFFD" in its place.`)
  // Blank names become "Column N" by position, which is not a clash.
  const wanted = alone(label)
  if (label.trim() !== '' && name.toLowerCase() !== wanted) {
    const first = names.findIndex((n) => n.toLowerCase() === wanted)
    notes.push(`The fields ${describe(keys[first]!)} and ${describe(keys[i]!)} would share the column name "${names[first]}"; both are kept, the second in the column "${name}".`)
  }
  return notes
}

export function nameColumns(keys: string[]): Columns {
  const labels = keys.map((k) => wellFormed(rawLabel(k)))
  const names = uniqueColumnNames(labels, labels.length)
  return { keys, names, warnings: keys.flatMap((_, i) => renameNotes(keys, labels, names, i)) }
}

export function cellsOf(flat: Flat, keys: string[]): (string | null)[] {
  return keys.map((k) => flat.get(k) ?? null)
}
