/** Rule kinds by name: the code behind the `kind` of each rule file in resources/rules/. */
import type { RuleKind } from '../rule-schema'
import type { RuleKindCheck } from '../types'
import { codeList } from './code-list'
import { dateOrder } from './date-order'
import { datePlausible } from './date-plausible'
import { dateValid } from './date-valid'
import { mandatory } from './mandatory'
import { mappingProblem } from './mapping-problem'
import { nhsNumber } from './nhs-number'
import { personLink } from './person-link'

export const ruleKinds: Record<RuleKind, RuleKindCheck> = {
  mandatory,
  'nhs-number': nhsNumber,
  'date-valid': dateValid,
  'date-plausible': datePlausible,
  'date-order': dateOrder,
  'code-list': codeList,
  'person-link': personLink,
  'mapping-problem': mappingProblem,
}
