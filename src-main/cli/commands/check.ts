/** `mods-migrate check`: runs the quality rules and prints issues by severity; --issues writes them all as CSV. */
import { writeOutputFile } from '../output'
import type { QualitySummary } from '../../contract/methods/quality'
import { call } from '../../core/api/dispatcher'
import { writeIssuesCsv } from '../../core/export'
import type { Command } from '../command'
import { stringOption } from '../command'

function describe(s: QualitySummary): string {
  const lines = [`${s.recordsChecked.toLocaleString('en-GB')} records checked: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} notes.`]
  for (const r of s.byRule) lines.push(`  ${r.severity.padEnd(7)} ${String(r.count).padStart(6)}  ${r.title} (${r.ruleId})`)
  return lines.join('\n')
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'mods-migrate check --workspace FILE.modsws [--issues FILE.csv] [--json]',
  summary: 'Runs the quality checks over the mapped MODS records.',
  options: { issues: { type: 'string' } },
  workspace: 'required',
  async run(ctx) {
    const session = ctx.session()
    const summary = await call(session, 'quality.run', {})
    const issuesFile = stringOption(ctx, 'issues')
    if (issuesFile) writeOutputFile(session, issuesFile, writeIssuesCsv(session.requireWorkspace().db).text, '--issues')
    if (ctx.json) ctx.out(JSON.stringify(issuesFile ? { ...summary, issuesFile } : summary))
    else ctx.out(describe(summary) + (issuesFile ? `\nIssues written to ${issuesFile}` : ''))
    return 0
  },
}
