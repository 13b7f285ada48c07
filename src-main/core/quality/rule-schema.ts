/**
 * A quality rule is data: one JSON file per rule in resources/rules/. `kind` names the code that
 * evaluates it (core/quality/rules/<kind>.ts); `appliesTo` picks catalogue elements; messages are
 * plain-English templates that name the item and the source row, never the person's data.
 */
import { z } from 'zod'
import { severitySchema } from '../../contract/methods/quality'
import { datatypeSchema } from '../mods/schema'

export const ruleKinds = ['mandatory', 'nhs-number', 'date-valid', 'date-plausible', 'date-order', 'code-list', 'person-link', 'mapping-problem'] as const
export type RuleKind = (typeof ruleKinds)[number]

export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  severity: severitySchema,
  kind: z.enum(ruleKinds),
  /** Which elements the rule checks; the selectors combine with AND. Empty: the rule checks records, not items. */
  appliesTo: z
    .object({
      elements: z.array(z.string()).optional(),
      datatype: datatypeSchema.optional(),
      /** Only elements every record must hold (cardinality min >= 1, not a person link, class not optional). */
      mandatory: z.boolean().optional(),
      /** Only elements bound to a code list. */
      codeList: z.boolean().optional(),
      datasets: z.array(z.string()).optional(),
    })
    .strict()
    .default({}),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Placeholders: {item} element name, {row} "Residents row 12", {dataset} dataset label, plus kind-specific ones. */
  message: z.string().min(1),
  /** Alternative messages a kind may choose (e.g. mandatory: "unmapped" when no record has the item at all). */
  variants: z.record(z.string(), z.string()).default({}),
  fix: z.string().min(1),
})
export type Rule = z.infer<typeof ruleSchema>
