/** The transforms the contract allows, in words, with the defaults a new step starts from. */
import type { Transform, TransformOp } from '../../../../src-main/contract'

export interface TransformKind {
  op: TransformOp
  label: string
  help: string
  create: () => Transform
}

export const transformKinds: TransformKind[] = [
  { op: 'trim', label: 'Trim spaces', help: 'Removes spaces at either end and runs of spaces inside.', create: () => ({ op: 'trim' }) },
  { op: 'case', label: 'Change case', help: 'UPPER, lower or Title Case.', create: () => ({ op: 'case', to: 'title' }) },
  { op: 'join', label: 'Join columns', help: "Joins this item's source columns, in order, with a separator.", create: () => ({ op: 'join', separator: ' ' }) },
  { op: 'split-name', label: 'Split a full name', help: "Takes one part of a full name such as 'SMITH, Mary J' or 'Mrs Mary Smith'.", create: () => ({ op: 'split-name', part: 'given' }) },
  {
    op: 'uk-date',
    label: 'UK date',
    help: 'Reads dd/mm/yyyy, text months, ISO and Excel serial dates; decides day/month order from the whole column.',
    create: () => ({ op: 'uk-date', order: 'auto', pivotYear: 25, excelSystem: '1900' }),
  },
  { op: 'phone', label: 'Phone number', help: "UK numbers to national digits ('+44 (0)7700 900123' → 07700900123).", create: () => ({ op: 'phone' }) },
  { op: 'postcode', label: 'UK postcode', help: "Upper case with one space ('ls1  4ab' → LS1 4AB).", create: () => ({ op: 'postcode' }) },
  { op: 'nhs-number', label: 'NHS number', help: 'Ten digits without spaces; the check digit is tested.', create: () => ({ op: 'nhs-number' }) },
  { op: 'lookup', label: 'Look up in another sheet', help: "Replaces the value with another sheet's column, matched by a key column.", create: () => ({ op: 'lookup', table: '', keyColumn: '', valueColumn: '' }) },
  { op: 'constant', label: 'Fixed value', help: "The same value for every row, e.g. your organisation's ODS code.", create: () => ({ op: 'constant', value: '' }) },
]

export function kindOf(op: TransformOp): TransformKind {
  return transformKinds.find((k) => k.op === op)!
}

/** Join and a fixed value decide what is read from the row, so they go first. */
export function addStep(steps: Transform[], step: Transform): Transform[] {
  return step.op === 'join' || step.op === 'constant' ? [step, ...steps] : [...steps, step]
}

export function moveStep(steps: Transform[], index: number, by: -1 | 1): Transform[] {
  const target = index + by
  if (target < 0 || target >= steps.length) return steps
  const next = [...steps]
  ;[next[index], next[target]] = [next[target]!, next[index]!]
  return next
}

/** What is missing before a step can run (empty when it is complete). */
export function incompleteStep(step: Transform): string | null {
  if (step.op === 'lookup' && (!step.table || !step.keyColumn || !step.valueColumn)) return 'Choose the sheet, its key column and the column to take.'
  return null
}

/** A short description of a pipeline for the column table ("Split a full name (family) → Trim spaces"). */
export function describeSteps(steps: Transform[]): string {
  return steps
    .map((t) => {
      const label = kindOf(t.op).label
      if (t.op === 'split-name') return `${label} (${t.part})`
      if (t.op === 'case') return `${label} (${t.to})`
      if (t.op === 'constant') return `${label} “${t.value}”`
      return label
    })
    .join(' → ')
}
