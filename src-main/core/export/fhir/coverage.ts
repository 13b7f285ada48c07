/**
 * Which mapped MODS items did not reach the bundle. Builders read items by element id; an item a
 * builder never reads (or marks as dropped) has no FHIR home, and is listed in the manifest rather
 * than lost silently. Records of datasets with no FHIR builder count every item.
 */
import { getElement } from '../../mods'
import type { ExportRecord } from './common'
import { texts } from './common'

export interface NotExportedItem {
  dataset: string
  element: string
  item: string
  /** Records holding a value for the item that is not in the bundle. */
  count: number
}

export class ItemTally {
  private readonly counts = new Map<string, { dataset: string; element: string; count: number }>()

  /** The record with its reads watched, and a function to call once its resource is built. */
  watch(dataset: string, recordKey: string, personKey: string | null, values: Record<string, unknown>): { record: ExportRecord; settle: () => void } {
    const read = new Set<string>()
    const dropped = new Set<string>()
    const watched = new Proxy(values, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key)
        return Reflect.get(target, key) as unknown
      },
    })
    const record: ExportRecord = { dataset, recordKey, personKey, values: watched, drop: (id) => dropped.add(id) }
    const settle = () => {
      for (const element of Object.keys(values)) {
        if ((!read.has(element) || dropped.has(element)) && texts(values, element).length > 0) this.add(dataset, element)
      }
    }
    return { record, settle }
  }

  /** Every item of a record that has no resource at all. */
  addAll(dataset: string, values: Record<string, unknown>): void {
    for (const element of Object.keys(values)) if (texts(values, element).length > 0) this.add(dataset, element)
  }

  private add(dataset: string, element: string): void {
    const key = `${dataset}\u0000${element}`
    const entry = this.counts.get(key) ?? { dataset, element, count: 0 }
    entry.count++
    this.counts.set(key, entry)
  }

  list(): NotExportedItem[] {
    return [...this.counts.values()]
      .sort((a, b) => a.dataset.localeCompare(b.dataset) || a.element.localeCompare(b.element))
      .map((e) => ({ dataset: e.dataset, element: e.element, item: getElement(e.element)?.name ?? e.element, count: e.count }))
  }
}
