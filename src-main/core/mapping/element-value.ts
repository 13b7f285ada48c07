/**
 * The last step of every field: turn the transformed text into a normalised MODS value for the
 * element's datatype (ISO dates, code-list codes, 10-digit NHS numbers, 'LS1 4AB' postcodes…),
 * or say why it cannot be one. Values that fail are never stored; they become mapping problems.
 */
import type { ValueMap } from '../../contract/methods/mapping'
import type { ElementInfo } from './catalogue'
import { hasCode, lookupCode } from './catalogue'
import { toIsoDate } from './uk-date'
import { isNumeric, normaliseEmail, normaliseNhs, normaliseOdsCode, normalisePhone, normalisePostcode, valueKey } from './values'

export type ValueOutcome =
  | { kind: 'value'; value: string }
  | { kind: 'empty' }
  | { kind: 'unmapped-value' | 'invalid-value'; raw: string; message: string }

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/

function invalid(raw: string, what: string): ValueOutcome {
  return { kind: 'invalid-value', raw, message: `'${raw}' is not ${what}.` }
}

function checked(raw: string, normalised: string | null, what: string): ValueOutcome {
  return normalised === null ? invalid(raw, what) : { kind: 'value', value: normalised }
}

/** Value maps are keyed case- and space-insensitively. */
export function compileValueMap(map: ValueMap | undefined): Map<string, string | null> {
  return new Map(Object.entries(map ?? {}).map(([k, v]) => [valueKey(k), v]))
}

function codedValue(element: ElementInfo, listId: string, text: string, valueMap: Map<string, string | null>): ValueOutcome {
  const key = valueKey(text)
  if (valueMap.has(key)) {
    const code = valueMap.get(key)
    if (code === null || code === undefined) return { kind: 'empty' }
    return hasCode(listId, code) ? { kind: 'value', value: code } : invalid(code, `a code of the ${listId} code list (check the value map)`)
  }
  const match = lookupCode(listId, text)
  if (match) return { kind: 'value', value: match.code }
  return { kind: 'unmapped-value', raw: text, message: `'${text}' has no ${element.name} code: add it to the value map.` }
}

export function elementValue(element: ElementInfo, input: string | null, valueMap: Map<string, string | null>): ValueOutcome {
  const text = input?.trim().replace(/\s+/g, ' ') ?? ''
  if (!text) return { kind: 'empty' }
  if (element.codeList) return codedValue(element, element.codeList, text, valueMap)
  if (element.id === 'subject-of-care.nhs-number') return checked(text, normaliseNhs(text), 'a 10-digit NHS number')
  if (element.id === 'subject-of-care.general-practice') return checked(text, normaliseOdsCode(text), 'an ODS code')
  switch (element.datatype) {
    case 'date':
      return checked(text, isoDate.test(text) ? toIsoDate(text, 'ymd') : toIsoDate(text, 'dmy'), 'a date')
    case 'datetime':
      return isoDateTime.test(text) ? { kind: 'value', value: text } : checked(text, toIsoDate(text, 'dmy'), 'a date or date and time')
    case 'postcode':
      return checked(text, normalisePostcode(text), 'a UK postcode')
    case 'telephone':
      return checked(text, normalisePhone(text), 'a phone number')
    case 'email':
      return checked(text, normaliseEmail(text), 'an email address')
    case 'number':
      return checked(text, isNumeric(text) ? text : null, 'a number')
    default:
      return { kind: 'value', value: text }
  }
}
