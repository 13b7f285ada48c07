/**
 * `mods-migrate suggest FILE [--sheet NAME] [--json]`: ranked MODS items for every column of a
 * sheet. The file is imported into a throw-away workspace, or into --workspace when given (so
 * that workspace's mapping memory is used).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TableSuggestions } from '../../contract/methods/mapping'
import { ApiError } from '../../contract/errors'
import { call } from '../../core/api/dispatcher'
import type { Session } from '../../core/api/session'
import { createWorkspace } from '../../core/workspace'
import type { Command } from '../command'
import { stringOption } from '../command'
import { exitCodes } from '../exit-codes'

/** The documented JSON shape: {"columns":[{"column","suggestions":[{item,label,class,confidence,reason}],"unmapped"?}]}. */
export function suggestionsJson(s: TableSuggestions) {
  return {
    columns: s.columns.map((c) => ({
      column: c.column,
      suggestions: c.suggestions.map(({ item, label, class: cls, confidence, reason }) => ({ item, label, class: cls, confidence, reason })),
      ...(c.unmapped ? { unmapped: c.unmapped } : {}),
    })),
  }
}

function describe(s: TableSuggestions): string {
  const lines = [`${s.table}${s.dataset ? ` (looks like ${s.dataset} records)` : ''}${s.personKey ? `, person key '${s.personKey}'` : ''}`]
  for (const c of s.columns) {
    const [top] = c.suggestions
    const choice = c.unmapped || !top ? `unmapped: ${c.unmapped ?? ''}` : `${top.label} [${top.item}] ${Math.round(top.confidence * 100)}% — ${top.reason}`
    lines.push(`  ${c.column.padEnd(24)} ${choice}`)
  }
  return lines.join('\n')
}

async function importedTables(session: Session, file: string, sheet: string | undefined) {
  const handle = session.files.grant(path.resolve(file)).handle
  const result = await call(session, 'sources.import', { file: handle, options: { onDuplicate: 'skip', ...(sheet ? { sheets: [sheet] } : {}) } })
  return result.tables
}

export const suggestCommand: Command = {
  name: 'suggest',
  usage: 'mods-migrate suggest FILE [--sheet NAME] [--workspace W.modsws] [--json]',
  summary: 'Ranked MODS item suggestions, with confidence and reasons, for every column of a sheet.',
  options: { sheet: { type: 'string' } },
  workspace: 'optional',
  async run(ctx) {
    const [file, ...extra] = ctx.args
    if (!file || extra.length) {
      ctx.err(`Give exactly one file.\nUsage: ${this.usage}`)
      return exitCodes.usage
    }
    const session = ctx.session()
    const temp = session.workspace ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'mods-suggest-'))
    try {
      if (temp) session.useWorkspace(createWorkspace(path.join(temp, 'suggest.modsws'), 'suggest'))
      const sheet = stringOption(ctx, 'sheet')
      const tables = await importedTables(session, file, sheet)
      const table = sheet ? tables.find((t) => t.name === sheet || t.sheet === sheet) : tables[0]
      if (!table) throw new ApiError('NOT_FOUND', sheet ? `${path.basename(file)} has no sheet called '${sheet}'.` : `${path.basename(file)} has no table to suggest for.`)
      const suggestions = await call(session, 'mapping.suggest', { tableId: table.id })
      if (ctx.json) ctx.out(JSON.stringify(suggestionsJson(suggestions)))
      else {
        ctx.out(describe(suggestions))
        const others = tables.filter((t) => t !== table).map((t) => t.name)
        if (others.length) ctx.err(`Other sheets: ${others.join(', ')} (use --sheet NAME).`)
      }
      return exitCodes.ok
    } finally {
      if (temp) {
        session.useWorkspace(null)
        fs.rmSync(temp, { recursive: true, force: true })
      }
    }
  },
}
