/** `mods-migrate profile`: column statistics of one imported table, or of all of them. */
import type { TableProfile } from '../../contract/methods/profile'
import { call } from '../../core/api/dispatcher'
import { listSourceTables } from '../../core/sources/store'
import type { Command } from '../command'
import { stringOption } from '../command'

function describe(t: TableProfile): string {
  const lines = [`${t.fileName} – ${t.name}: ${t.rows.toLocaleString('en-GB')} rows`]
  for (const c of t.columns) {
    const pattern = c.pattern ? `, ${c.pattern.kind} ${Math.round(c.pattern.share * 100)}%` : ''
    const top = c.topValues.slice(0, 3).map((v) => `${JSON.stringify(v.value)}×${v.count}`).join(' ')
    lines.push(`  ${c.name.padEnd(22)} ${c.type.padEnd(7)} blanks ${String(c.blanks).padStart(5)}  distinct ${String(c.distinct).padStart(5)}${pattern}  ${top}`)
  }
  return lines.join('\n')
}

export const profileCommand: Command = {
  name: 'profile',
  usage: 'mods-migrate profile --workspace FILE.modsws [--table ID] [--json]',
  summary: 'Column statistics (type, blanks, distinct values, patterns) of imported tables.',
  options: { table: { type: 'string' } },
  workspace: 'required',
  async run(ctx) {
    const session = ctx.session()
    const table = stringOption(ctx, 'table')
    const ids = table !== undefined ? [Number(table)] : listSourceTables(session.requireWorkspace().db).map((t) => t.id)
    const profiles: TableProfile[] = []
    for (const tableId of ids) profiles.push(await call(session, 'profile.table', { tableId }))
    if (ctx.json) ctx.out(JSON.stringify(table !== undefined ? profiles[0] : profiles))
    else ctx.out(profiles.length ? profiles.map(describe).join('\n\n') : 'No imported tables yet.')
    return 0
  },
}
