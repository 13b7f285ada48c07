/** NHS numbers must be 10 digits with a valid Modulus 11 check digit. */
import { isValidNhsNumber, normaliseNhsNumber } from '../../identity'
import type { RuleKindCheck } from '../types'
import { textOf } from '../types'

export const nhsNumber: RuleKindCheck = {
  check(_rule, elements, record) {
    return elements.flatMap((e) => {
      const value = textOf(record.values[e.id])
      if (value === null || isValidNhsNumber(value)) return []
      return [{ elementId: e.id, value, variant: normaliseNhsNumber(value) ? undefined : 'shape' }]
    })
  },
}
