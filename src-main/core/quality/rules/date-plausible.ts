/**
 * Valid dates that cannot be right: in the future, or (with `maxAgeYears`) implying an age beyond
 * what is plausible. Invalid dates are date-valid's business and are skipped here.
 */
import { compareDates, parseIsoDate, yearsBetween } from '../dates'
import type { Finding, RuleKindCheck } from '../types'
import { textOf } from '../types'

export const datePlausible: RuleKindCheck = {
  check(rule, elements, record, ctx) {
    const maxAge = typeof rule.params.maxAgeYears === 'number' ? rule.params.maxAgeYears : null
    return elements.flatMap((e): Finding[] => {
      const value = textOf(record.values[e.id])
      const date = value === null ? null : parseIsoDate(value)
      if (!date) return []
      if (compareDates(date, ctx.today) > 0) return [{ elementId: e.id, value, variant: 'future' }]
      if (maxAge !== null && yearsBetween(date, ctx.today) > maxAge) {
        return [{ elementId: e.id, value, variant: 'too-old', vars: { maxAge: String(maxAge) } }]
      }
      return []
    })
  },
}
