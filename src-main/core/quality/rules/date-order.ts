/**
 * A date that must not come before another item of the same record (admission after birth).
 * Compared only when the other date is itself a valid date not in the future, so one bad birth
 * date does not raise a second, consequential issue.
 */
import { compareDates, parseIsoDate } from '../dates'
import type { RuleKindCheck } from '../types'
import { textOf } from '../types'

export const dateOrder: RuleKindCheck = {
  check(rule, elements, record, ctx) {
    const otherId = String(rule.params.notBefore ?? '')
    const otherText = textOf(record.values[otherId])
    const other = otherText === null ? null : parseIsoDate(otherText)
    if (!other || compareDates(other, ctx.today) > 0) return []
    const otherName = ctx.catalogue.element(otherId)?.name ?? otherId
    return elements.flatMap((e) => {
      const value = textOf(record.values[e.id])
      const date = value === null ? null : parseIsoDate(value)
      return date && compareDates(date, other) < 0 ? [{ elementId: e.id, value, vars: { other: otherName } }] : []
    })
  },
}
