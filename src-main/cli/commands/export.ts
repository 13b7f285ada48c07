/**
 * `mods-migrate export`: writes an export pack. With --out the pack goes into that folder (the CLI
 * may name paths); without it, into the exports folder next to the workspace, through the API.
 */
import path from 'node:path'
import type { ExportResult } from '../../contract/methods/export'
import { call } from '../../core/api/dispatcher'
import { exportCheckedPack } from '../../core/export'
import type { Command } from '../command'
import { stringOption } from '../command'

export function describeExport(r: ExportResult, where: string): string {
  const resources = Object.entries(r.counts.resources).map(([t, n]) => `${n} ${t}`).join(', ') || 'no FHIR resources'
  const lines = [`Export pack ${r.packName} written to ${where}: ${resources}.`]
  const files = r.zip ? [...r.files, r.zip] : r.files
  const width = Math.max(...files.map((f) => f.path.length))
  for (const f of files) lines.push(`  ${f.path.padEnd(width)} ${String(f.bytes).padStart(9)} bytes  sha256 ${f.sha256.slice(0, 16)}…`)
  const skipped = Object.entries(r.counts.skipped).map(([d, n]) => `${n} ${d}`).join(', ')
  if (skipped) lines.push(`  Not in the FHIR bundle (no such person): ${skipped}.`)
  const incomplete = Object.entries(r.counts.incomplete).map(([d, n]) => `${n} ${d}`).join(', ')
  if (incomplete) lines.push(`  Not in the FHIR bundle (missing what FHIR requires, such as a medicine's name): ${incomplete}; they are in the MODS CSV files.`)
  return lines.join('\n')
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'mods-migrate export --workspace FILE.modsws [--out DIR] [--zip] [--purpose TEXT] [--json]',
  summary: 'Writes an export pack: FHIR R4 UK Core bundle, MODS CSV extracts, issues and a checksummed manifest.',
  options: { out: { type: 'string' }, zip: { type: 'boolean', default: false }, purpose: { type: 'string' } },
  workspace: 'required',
  async run(ctx) {
    const session = ctx.session()
    const purpose = stringOption(ctx, 'purpose') ?? 'Export from the command line'
    const out = stringOption(ctx, 'out')
    const result = out
      ? exportCheckedPack(session.requireWorkspace(), session.actor, { purpose, outDir: path.resolve(out), zip: ctx.values.zip === true })
      : await call(session, 'export.run', { purpose })
    const where = out ? path.resolve(out) : path.join(path.dirname(session.requireWorkspace().path), 'exports')
    ctx.out(ctx.json ? JSON.stringify({ ...result, outDir: where }) : describeExport(result, where))
    return 0
  },
}
