/** `mods-migrate import FILE`: preview or import a file into the workspace (created if missing). */
import path from 'node:path'
import type { ImportResult, SourceOptions, SourcePreview } from '../../contract/methods/sources'
import { ApiError } from '../../contract/errors'
import { call } from '../../core/api/dispatcher'
import type { Command, CommandContext } from '../command'
import { stringOption } from '../command'
import { exitCodes } from '../exit-codes'
import { importDatabase, isDatabaseUrl } from './import-database'

function optionsFrom(ctx: CommandContext): SourceOptions {
  const headerRow = stringOption(ctx, 'header-row')
  if (headerRow !== undefined && !/^\d+$/.test(headerRow)) throw new ApiError('VALIDATION', '--header-row must be a row number (0 for "no header row").')
  const sheets = ctx.values.sheet
  const onDuplicate = stringOption(ctx, 'on-duplicate')
  return {
    ...(Array.isArray(sheets) && sheets.length ? { sheets } : {}),
    ...(stringOption(ctx, 'encoding') ? { encoding: stringOption(ctx, 'encoding') } : {}),
    ...(stringOption(ctx, 'delimiter') ? { delimiter: stringOption(ctx, 'delimiter') } : {}),
    ...(headerRow !== undefined ? { headerRow: Number(headerRow) } : {}),
    ...(onDuplicate ? { onDuplicate: onDuplicate as SourceOptions['onDuplicate'] } : {}),
    ...(stringOption(ctx, 'key-column') ? { keyColumn: stringOption(ctx, 'key-column') } : {}),
  }
}

function importJson(r: ImportResult) {
  return {
    source: { id: r.sourceId, fileName: r.fileName, format: r.format, sha256: r.sha256, sizeBytes: r.sizeBytes, status: r.status, settings: r.settings },
    tables: r.tables.map((t) => ({ name: t.name, rows: t.rows, columns: t.columns })),
    warnings: r.warnings,
  }
}

function previewJson(p: SourcePreview) {
  return {
    source: { fileName: p.fileName, format: p.format, sizeBytes: p.sizeBytes, encoding: p.encoding, delimiter: p.delimiter },
    tables: p.sheets.map((s) => ({ name: s.name, hidden: s.hidden, headerRow: s.headerRow, columns: s.columns, rows: s.rows.map((r) => r.cells) })),
    warnings: [...p.warnings, ...p.sheets.flatMap((s) => s.warnings.map((w) => (p.sheets.length > 1 ? `${s.name}: ${w}` : w)))],
  }
}

function describe(r: ImportResult): string {
  const verb = r.status === 'skipped' ? 'Already imported' : 'Imported'
  const lines = [`${verb} ${r.fileName} (${r.format}, ${Object.entries(r.settings).map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'detected'})`]
  for (const t of r.tables) lines.push(`  ${t.name}: ${t.rows.toLocaleString('en-GB')} rows, ${t.columns.length} columns`)
  for (const w of r.warnings) lines.push(`  ! ${w}`)
  return lines.join('\n')
}

export const importCommand: Command = {
  name: 'import',
  usage:
    'mods-migrate import FILE|DATABASE-URL --workspace W.modsws [--sheet NAME]… [--encoding E] [--delimiter D] [--header-row N] [--on-duplicate error|replace|skip] [--key-column NAME] [--table NAME]… [--query SQL] [--preview] [--json]\n' +
    '  DATABASE-URL: postgresql://user@host:port/db or mysql://user@host:port/db; the password is read from MODS_MIGRATE_DB_PASSWORD.',
  summary: 'Imports a CSV, TSV, JSON, NDJSON, Excel, Access or SQLite file, or tables of a live PostgreSQL/MySQL database (or previews a file with --preview).',
  options: {
    sheet: { type: 'string', multiple: true },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    'header-row': { type: 'string' },
    'on-duplicate': { type: 'string' },
    'key-column': { type: 'string' },
    table: { type: 'string', multiple: true },
    query: { type: 'string' },
    preview: { type: 'boolean', default: false },
  },
  workspace: 'create',
  async run(ctx) {
    const [file, ...extra] = ctx.args
    if (!file || extra.length) {
      ctx.err(`Give exactly one file to import.\nUsage: ${this.usage}`)
      return exitCodes.usage
    }
    const session = ctx.session()
    if (isDatabaseUrl(file)) {
      const tables = Array.isArray(ctx.values.table) ? ctx.values.table : []
      const result = await importDatabase(session, file, tables, stringOption(ctx, 'query'))
      ctx.out(ctx.json ? JSON.stringify(importJson(result)) : describe(result))
      return exitCodes.ok
    }
    const options = optionsFrom(ctx)
    const handle = session.files.grant(path.resolve(file)).handle
    if (ctx.values.preview === true) {
      const preview = await call(session, 'sources.preview', { file: handle, options })
      ctx.out(ctx.json ? JSON.stringify(previewJson(preview)) : JSON.stringify(previewJson(preview), null, 2))
      return exitCodes.ok
    }
    const result = await call(session, 'sources.import', { file: handle, options })
    ctx.out(ctx.json ? JSON.stringify(importJson(result)) : describe(result))
    return exitCodes.ok
  },
}
