/**
 * How well a column's values fit an element's datatype: a score in 0..1, a plain-English reason,
 * and whether the check is distinctive enough to suggest the element from the values alone.
 */
import type { ElementInfo } from './catalogue'
import type { ColumnEvidence } from './detect'
import { describeDateShape } from './detect'

export interface ValueFit {
  score: number
  reason: string
  /** The datatype has a real check (dates, codes…), so values can confirm or contradict the header. */
  typed: boolean
  /** A high score identifies the element even without a header match (NHS numbers, postcodes, emails). */
  distinctive: boolean
}

const pct = (x: number) => `${Math.round(x * 100)}%`

function fit(score: number, reason: string, typed = true, distinctive = false): ValueFit {
  return { score, reason, typed, distinctive }
}

export function valueFit(element: ElementInfo, e: ColumnEvidence): ValueFit {
  if (e.nonEmpty === 0) return fit(0.5, 'the sampled values are all blank', false)
  if (element.id === 'subject-of-care.nhs-number') {
    const score = e.nhsValid + 0.6 * (e.nhsShape - e.nhsValid)
    return fit(score, `${pct(e.nhsValid)} of values are valid NHS numbers (Modulus 11)`, true, true)
  }
  switch (element.datatype) {
    case 'date':
    case 'datetime':
      return fit(e.date, `${pct(e.date)} of values are ${describeDateShape(e.dateShape)}`)
    case 'postcode':
      return fit(e.postcode, `${pct(e.postcode)} of values are UK postcodes`, true, true)
    case 'telephone':
      return fit(e.phone, `${pct(e.phone)} of values are phone numbers`)
    case 'email':
      return fit(e.email, `${pct(e.email)} of values are email addresses`, true, true)
    case 'number':
      return fit(e.numeric, `${pct(e.numeric)} of values are numbers`)
    case 'lookup':
    case 'yes-no': {
      if (!element.codeList) return fit(0.5, '', false)
      const rate = e.codeHitRate(element.codeList)
      return fit(rate, `${pct(rate)} of values match the ${element.codeList} code list`)
    }
    case 'identifier':
      return identifierFit(element, e)
    default: {
      const structured = Math.max(e.date, e.nhsValid, e.postcode, e.email, e.phone)
      return fit(1 - structured, structured > 0.5 ? `but ${pct(structured)} of values look like dates, numbers or codes` : '', false)
    }
  }
}

function identifierFit(element: ElementInfo, e: ColumnEvidence): ValueFit {
  if (element.id === 'subject-of-care.general-practice') return fit(e.ods, `${pct(e.ods)} of values look like ODS codes`)
  if (element.codeList) {
    const rate = e.codeHitRate(element.codeList)
    return fit(rate, `${pct(rate)} of values match the ${element.codeList} code list`)
  }
  const structured = Math.max(e.date, e.phone, e.postcode, e.email)
  const distinctShare = e.distinct.size / e.nonEmpty
  const score = Math.max(0, Math.min(1, distinctShare + 0.5) - structured)
  return fit(score, structured > 0.5 ? 'but the values look like dates or contact details' : `${pct(distinctShare)} of sampled values are distinct`, false)
}
