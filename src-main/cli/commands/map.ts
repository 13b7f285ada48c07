/**
 * `mods-migrate map --workspace W [--template T.json | --auto] [--save-template NAME] [--apply]`:
 * loads a mapping template (reporting which columns matched) or builds the automatic mapping,
 * saves it, and applies it into MODS records when asked.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ApplyResult, TemplateImportResult } from '../../contract/methods/mapping'
import { ApiError } from '../../contract/errors'
import { call } from '../../core/api/dispatcher'
import { listSourceTables } from '../../core/sources/store'
import type { Command } from '../command'
import { stringOption } from '../command'
import { exitCodes } from '../exit-codes'
import { writeOutputFile } from '../output'

function readTemplate(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new ApiError('VALIDATION', `${path.basename(file)} is not a readable JSON template (${(e as Error).message}).`, { file: path.basename(file) })
  }
}

function describeMatch(r: TemplateImportResult): string[] {
  return r.tables.flatMap((t) => [
    t.matchedTableId === null ? `  ${t.table}: no imported sheet matches` : `  ${t.table}: ${t.matchedColumns.length} column(s) matched`,
    ...(t.missingColumns.length ? [`    missing: ${t.missingColumns.join(', ')}`] : []),
    ...(t.extraColumns.length ? [`    not in the template: ${t.extraColumns.join(', ')}`] : []),
    ...t.droppedFields.map((f) => `    dropped: ${f}`),
  ])
}

function describeApply(r: ApplyResult): string[] {
  const lines = Object.entries(r.datasets).map(([d, c]) => `  ${d}: ${c.records} records (${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged, ${c.deleted} removed)`)
  lines.push(`  ${r.orphans} orphan(s), ${r.unmappedValues} unmapped coded value(s), ${r.invalidValues} invalid value(s)`)
  return lines
}

export const mapCommand: Command = {
  name: 'map',
  usage: 'mods-migrate map --workspace W.modsws (--template T.json | --auto) [--save-template NAME --out FILE] [--apply] [--json]',
  summary: 'Loads a mapping template (or the automatic mapping), saves it, optionally applies it into MODS records.',
  options: { template: { type: 'string' }, auto: { type: 'boolean', default: false }, apply: { type: 'boolean', default: false }, 'save-template': { type: 'string' }, out: { type: 'string' } },
  workspace: 'required',
  async run(ctx) {
    const session = ctx.session()
    const templateFile = stringOption(ctx, 'template')
    if (!templateFile && ctx.values.auto !== true) {
      ctx.err(`Give --template FILE or --auto.\nUsage: ${this.usage}`)
      return exitCodes.usage
    }
    const output: Record<string, unknown> = {}
    const lines: string[] = []
    if (templateFile) {
      const result = await call(session, 'mapping.templateImport', { template: readTemplate(templateFile), save: true })
      output.template = { tables: result.tables, saved: result.saved }
      lines.push(`Template ${path.basename(templateFile)}:`, ...describeMatch(result))
    } else {
      const tableIds = listSourceTables(session.requireWorkspace().db).map((t) => t.id)
      const mapping = await call(session, 'mapping.auto', { tableIds })
      await call(session, 'mapping.save', { mapping })
      output.mapping = mapping
      lines.push(`Automatic mapping saved for ${tableIds.length} table(s).`)
    }
    const saveAs = stringOption(ctx, 'save-template')
    if (saveAs) {
      const template = await call(session, 'mapping.templateExport', { name: saveAs })
      const out = stringOption(ctx, 'out') ?? `${saveAs.replace(/[^A-Za-z0-9_-]+/g, '-')}.json`
      writeOutputFile(session, out, JSON.stringify(template, null, 2) + '\n', '--out')
      lines.push(`Template '${saveAs}' version ${template.version} written to ${out}.`)
    }
    if (ctx.values.apply === true) {
      const result = await call(session, 'mapping.apply', {})
      output.applied = result
      lines.push('Applied:', ...describeApply(result))
    }
    ctx.out(ctx.json ? JSON.stringify(output) : lines.join('\n'))
    return exitCodes.ok
  },
}
