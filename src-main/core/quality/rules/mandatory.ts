/** Items the standard says must occur: missing on a record, or not mapped for the dataset at all. */
import type { RuleKindCheck } from '../types'
import { problemKey, textOf } from '../types'

export const mandatory: RuleKindCheck = {
  check(_rule, elements, record, ctx) {
    const present = ctx.presentElements.get(record.dataset)
    return elements
      // A value the mapping could not use is reported as that problem, not again as missing.
      .filter((e) => present?.has(e.id) && textOf(record.values[e.id]) === null)
      .filter((e) => !ctx.problemElements.has(problemKey(record.dataset, record.recordKey, e.id)))
      .map((e) => ({ elementId: e.id, value: null }))
  },
  // An item no record has is a mapping gap: one issue for the dataset, not one per record.
  checkDataset(_rule, elements, dataset, ctx) {
    const present = ctx.presentElements.get(dataset)
    return elements.filter((e) => !present?.has(e.id)).map((e) => ({ elementId: e.id, value: null, variant: 'unmapped' }))
  },
}
