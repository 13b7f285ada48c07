/** NHS numbers must be 10 digits with a valid Modulus 11 check digit, and not a placeholder. */
import { isPlaceholderNhsNumber, isValidNhsNumber, normaliseNhsNumber } from '../../identity'
import type { RuleKindCheck } from '../types'
import { textOf } from '../types'

export const nhsNumber: RuleKindCheck = {
  check(_rule, elements, record) {
    return elements.flatMap((e) => {
      const value = textOf(record.values[e.id])
      if (value === null) return []
      const digits = normaliseNhsNumber(value)
      if (digits && isPlaceholderNhsNumber(digits)) return [{ elementId: e.id, value, variant: 'placeholder' }]
      if (isValidNhsNumber(value)) return []
      return [{ elementId: e.id, value, variant: digits ? undefined : 'shape' }]
    })
  },
}
