import type { exportMethods } from '../../../contract/methods/export'
import { exportCheckedPack, exportsDirFor } from '../../export'
import type { AreaHandlers } from '../types'

export const exportHandlers: AreaHandlers<typeof exportMethods> = {
  'export.run': ({ purpose, jobId }, session) => {
    const ws = session.requireWorkspace()
    const job = session.startJob(jobId)
    try {
      job.progress('exporting', 0)
      const result = exportCheckedPack(ws, session.actor, { purpose, outDir: exportsDirFor(ws), onFile: (file) => job.progress('exporting', null, { message: file }) })
      job.progress('exporting', 1)
      session.emit({ type: 'workspace.changed', area: 'export' })
      return result
    } finally {
      session.endJob(job)
    }
  },
}
