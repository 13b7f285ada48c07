/** Coded items must hold a code of their list; a recognised legacy spelling gets its code suggested. */
import type { Finding, RuleKindCheck } from '../types'
import { textOf } from '../types'

export const codeList: RuleKindCheck = {
  check(_rule, elements, record, ctx) {
    return elements.flatMap((e): Finding[] => {
      const value = textOf(record.values[e.id])
      const codes = e.codeList ? ctx.catalogue.codes(e.codeList) : null
      if (value === null || !codes || !e.codeList || codes.has(value)) return []
      const suggestion = ctx.catalogue.suggest(e.codeList, value)
      return [suggestion ? { elementId: e.id, value, variant: 'synonym', vars: { code: suggestion } } : { elementId: e.id, value }]
    })
  },
}
