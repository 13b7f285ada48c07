/** Records that belong to a person (allergies, contacts…) must point at a person record that exists. */
import type { RuleKindCheck } from '../types'

export const personLink: RuleKindCheck = {
  check(_rule, _elements, record, ctx) {
    if (record.dataset === 'person' || !ctx.catalogue.personLinked(record.dataset)) return []
    if (record.personKey === null) return [{ elementId: null, value: null, variant: 'no-key' }]
    return ctx.personKeys.has(record.personKey) ? [] : [{ elementId: null, value: record.personKey }]
  },
}
