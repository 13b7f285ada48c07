/**
 * A pack's issues.csv and issue counts must describe the records it exports. If the mapping was
 * applied after the last quality run (or nothing was ever checked), the checks run first, so a
 * value lost by a re-map is reported and a fixed one no longer is.
 */
import { loadRules, runChecks, shippedQualityCatalogue } from '../quality'
import type { AuditActor, Workspace } from '../workspace'
import type { ExportOptions } from './pack'
import { exportPack } from './pack'

function lastAudit(ws: Workspace, action: string): number | null {
  return ws.db.prepare('SELECT max(id) FROM audit_event WHERE action = ?').pluck().get(action) as number | null
}

export function checksAreCurrent(ws: Workspace): boolean {
  const checked = lastAudit(ws, 'quality.run')
  const applied = lastAudit(ws, 'mapping.applied')
  return checked !== null && (applied === null || checked > applied)
}

export function exportCheckedPack(ws: Workspace, actor: AuditActor, options: ExportOptions): ReturnType<typeof exportPack> {
  if (!checksAreCurrent(ws)) runChecks(ws.db, actor, { rules: loadRules(), catalogue: shippedQualityCatalogue() })
  return exportPack(ws, actor, options)
}
