/**
 * Quality checks (issue 2; fixes, waivers and custom rules come with issue 5). Rules are data in
 * resources/rules/; running them replaces the open issues in one transaction.
 */
import { z } from 'zod'
import { method } from '../define'
import { jobIdSchema } from '../events'
import { editors, readers } from '../roles'

export type Severity = 'error' | 'warning' | 'info'
export const severitySchema = z.enum(['error', 'warning', 'info'])

/** Where an issue's value came from: enough to open the file and find the cell. */
export interface IssueSource {
  tableId: number
  file: string
  sheet: string | null
  table: string
  rowId: number
  /** 1-based row in the original sheet/file. */
  rowNumber: number | null
  column: string | null
}

export interface QualityIssue {
  id: number
  ruleId: string
  severity: Severity
  dataset: string | null
  recordId: number | null
  recordKey: string | null
  elementId: string | null
  /** The element's name in the catalogue ("Date of birth"). */
  item: string | null
  value: string | null
  message: string
  /** Suggested fix, from the rule. */
  fix: string
  status: 'open' | 'fixed' | 'waived'
  source: IssueSource | null
}

export interface RuleCount {
  ruleId: string
  title: string
  severity: Severity
  count: number
}

export interface QualitySummary {
  /** Open issues. */
  total: number
  bySeverity: Record<Severity, number>
  byRule: RuleCount[]
  /** Records checked by the last run, and when it ran (null before the first run). */
  recordsChecked: number
  ranAt: string | null
  /** The mapping was applied (or a source removed) after the last run: these issues may be stale. */
  outOfDate: boolean
}

export interface IssuePage {
  total: number
  offset: number
  issues: QualityIssue[]
}

export const qualityMethods = {
  'quality.run': method<QualitySummary>()({
    input: z.object({ jobId: jobIdSchema }),
    roles: editors,
    mutates: true,
    doc: 'Runs every quality rule over the MODS records and replaces the open issues (one transaction).',
  }),
  'quality.issues': method<IssuePage>()({
    input: z.object({
      severity: severitySchema.optional(),
      ruleId: z.string().max(200).optional(),
      dataset: z.string().max(80).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    roles: readers,
    mutates: false,
    doc: 'Open issues, most severe first, with the source file, sheet, row and column of each.',
  }),
  'quality.summary': method<QualitySummary>()({
    input: z.object({}),
    roles: readers,
    mutates: false,
    doc: 'Open issues counted by severity and by rule.',
  }),
} as const
