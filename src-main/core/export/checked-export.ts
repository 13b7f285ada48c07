/**
 * A pack's issues.csv and issue counts must describe the records it exports. If the mapping was
 * applied after the last quality run (or nothing was ever checked), the checks run first, so a
 * value lost by a re-map is reported and a fixed one no longer is.
 */
import { checksAreCurrent, loadRules, runChecks, shippedQualityCatalogue } from '../quality'
import type { AuditActor, Workspace } from '../workspace'
import type { ExportOptions } from './pack'
import { exportPack } from './pack'

export function exportCheckedPack(ws: Workspace, actor: AuditActor, options: ExportOptions): ReturnType<typeof exportPack> {
  if (!checksAreCurrent(ws.db)) runChecks(ws.db, actor, { rules: loadRules(), catalogue: shippedQualityCatalogue() })
  return exportPack(ws, actor, options)
}
