/**
 * Values the mapping stage could not use (not a date, no code for a legacy value…) were left out
 * of their records and listed in mapping_problem; this kind turns the chosen problem kind
 * (`params.problem`) into issues at the cell they came from.
 */
import type { PlacedFinding, RuleKindCheck } from '../types'

export const mappingProblem: RuleKindCheck = {
  check: () => [],
  checkWorkspace(rule, ctx) {
    return ctx.mappingProblems
      .filter((p) => p.kind === rule.params.problem)
      .map((p): PlacedFinding => ({
        elementId: p.elementId,
        value: p.value,
        dataset: p.dataset,
        recordId: p.recordId,
        tableId: p.tableId,
        rowId: p.rowId,
        column: p.column,
        vars: { ...(p.elementId ? {} : { item: 'A value' }), problem: p.message },
      }))
  },
}
