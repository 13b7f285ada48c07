/** Date items must hold a real calendar date (the mapping writes ISO dates; anything else failed to parse). */
import { parseIsoDate } from '../dates'
import type { RuleKindCheck } from '../types'
import { textOf } from '../types'

export const dateValid: RuleKindCheck = {
  check(_rule, elements, record) {
    return elements.flatMap((e) => {
      const value = textOf(record.values[e.id])
      return value !== null && parseIsoDate(value) === null ? [{ elementId: e.id, value }] : []
    })
  },
}
