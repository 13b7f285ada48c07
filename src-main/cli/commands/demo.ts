/**
 * `mods-migrate demo`: the whole pipeline on the synthetic Sunnyside sample, through the same API
 * every front uses: fresh workspace, import, mapping (the bundled template, or the automatic
 * mapping when the template is absent), quality checks, export pack. Safe to re-run: the demo
 * workspace is replaced each time.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ApplyResult } from '../../contract/methods/mapping'
import type { ExportResult } from '../../contract/methods/export'
import type { QualitySummary } from '../../contract/methods/quality'
import type { ImportResult } from '../../contract/methods/sources'
import { call } from '../../core/api/dispatcher'
import type { Session } from '../../core/api/session'
import { exportPack } from '../../core/export'
import { resourcePath } from '../../core/resources'
import { createWorkspace } from '../../core/workspace'
import type { Command } from '../command'
import { stringOption } from '../command'
import { describeExport } from './export'

const sampleFile = () => resourcePath('samples', 'sunnyside-care-home.xlsx')
const templateFile = () => resourcePath('mapping', 'templates', 'sunnyside-care-home.json')

function freshWorkspace(session: Session, outDir: string) {
  const file = path.join(outDir, 'demo.modsws')
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  const ws = createWorkspace(file, 'Sunnyside demo')
  session.useWorkspace(ws)
  return ws
}

/** The bundled template when present; otherwise the confident automatic suggestions. */
async function mapSample(session: Session, imported: ImportResult): Promise<{ how: 'template' | 'auto'; applied: ApplyResult }> {
  let how: 'template' | 'auto' = 'auto'
  if (fs.existsSync(templateFile())) {
    await call(session, 'mapping.templateImport', { template: JSON.parse(fs.readFileSync(templateFile(), 'utf8')), save: true })
    how = 'template'
  } else {
    const mapping = await call(session, 'mapping.auto', { tableIds: imported.tables.map((t) => t.id), threshold: 0.6 })
    await call(session, 'mapping.save', { mapping })
  }
  return { how, applied: await call(session, 'mapping.apply', {}) }
}

interface DemoSummary {
  workspace: string
  imported: Record<string, number>
  mapping: { how: 'template' | 'auto'; records: Record<string, number>; problems: { orphans: number; unmappedValues: number; invalidValues: number } }
  quality: QualitySummary
  export: ExportResult & { outDir: string }
}

function describe(s: DemoSummary): string {
  const lines = [`Demo workspace: ${s.workspace}`, 'Imported:']
  for (const [sheet, rows] of Object.entries(s.imported)) lines.push(`  ${sheet.padEnd(14)} ${rows} rows`)
  lines.push(`Mapped (${s.mapping.how === 'template' ? 'bundled template' : 'automatic mapping'}):`)
  for (const [dataset, n] of Object.entries(s.mapping.records)) lines.push(`  ${dataset.padEnd(14)} ${n} records`)
  const q = s.quality.bySeverity
  lines.push(`Quality: ${q.error} errors, ${q.warning} warnings, ${q.info} notes`)
  for (const r of s.quality.byRule) lines.push(`  ${r.severity.padEnd(7)} ${String(r.count).padStart(4)}  ${r.title}`)
  lines.push(describeExport(s.export, s.export.outDir))
  return lines.join('\n')
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'mods-migrate demo [--out DIR] [--json]',
  summary: 'Runs import → mapping → checks → export on the synthetic Sunnyside Care Home sample.',
  options: { out: { type: 'string' } },
  workspace: 'none',
  async run(ctx) {
    const outDir = path.resolve(stringOption(ctx, 'out') ?? path.join('out', 'demo'))
    fs.mkdirSync(outDir, { recursive: true })
    const session = ctx.session()
    const ws = freshWorkspace(session, outDir)
    const imported = await call(session, 'sources.import', { file: session.files.grant(sampleFile()).handle, options: {} })
    const { how, applied } = await mapSample(session, imported)
    const quality = await call(session, 'quality.run', {})
    const exported = exportPack(ws, session.actor, { purpose: 'MODS Migrate demo (synthetic data)', outDir })
    const summary: DemoSummary = {
      workspace: ws.path,
      imported: Object.fromEntries(imported.tables.map((t) => [t.name, t.rows])),
      mapping: {
        how,
        records: Object.fromEntries(Object.entries(applied.datasets).map(([d, c]) => [d, c.records])),
        problems: { orphans: applied.orphans, unmappedValues: applied.unmappedValues, invalidValues: applied.invalidValues },
      },
      quality,
      export: { ...exported, outDir },
    }
    ctx.out(ctx.json ? JSON.stringify(summary) : describe(summary))
    return 0
  },
}
