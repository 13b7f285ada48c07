import type { qualityMethods } from '../../../contract/methods/quality'
import { issuePage, loadRules, runChecks, shippedQualityCatalogue, summarise } from '../../quality'
import type { Rule } from '../../quality'
import type { AreaHandlers } from '../types'

let rules: Rule[] | null = null
const shippedRules = () => (rules ??= loadRules())
const itemName = (id: string) => shippedQualityCatalogue().element(id)?.name ?? null

export const qualityHandlers: AreaHandlers<typeof qualityMethods> = {
  'quality.run': ({ jobId }, session) => {
    const ws = session.requireWorkspace()
    const job = session.startJob(jobId)
    try {
      job.progress('checking', 0)
      const summary = runChecks(ws.db, session.actor, {
        rules: shippedRules(),
        catalogue: shippedQualityCatalogue(),
        onProgress: (records) => job.progress('checking', null, { rows: records }),
        throwIfCancelled: () => job.throwIfCancelled(),
      })
      job.progress('checking', 1, { rows: summary.recordsChecked })
      session.emit({ type: 'workspace.changed', area: 'quality' })
      return summary
    } finally {
      session.endJob(job)
    }
  },
  'quality.issues': ({ severity, ruleId, dataset, offset, limit }, session) =>
    issuePage(session.requireWorkspace().db, shippedRules(), itemName, { severity, ruleId, dataset }, offset, limit),
  'quality.summary': (_input, session) => summarise(session.requireWorkspace().db, shippedRules()),
}
