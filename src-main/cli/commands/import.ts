/** `mods-migrate import FILE`: preview or import a file into the workspace (created if missing). */
import path from 'node:path'
import type { ImportResult, SourceOptions, SourcePreview } from '../../contract/methods/sources'
import { ApiError } from '../../contract/errors'
import { call } from '../../core/api/dispatcher'
import type { Command, CommandContext } from '../command'
import { UsageError, stringOption } from '../command'
import { exitCodes } from '../exit-codes'
import { importDatabase, isDatabaseUrl, previewDatabase } from './import-database'

const duplicateChoices = ['error', 'replace', 'skip'] as const
const fileOnly = ['sheet', 'encoding', 'delimiter', 'header-row', 'on-duplicate', 'key-column']
const databaseOnly = ['table', 'query']

function onDuplicateFrom(ctx: CommandContext): SourceOptions['onDuplicate'] {
  const given = stringOption(ctx, 'on-duplicate')
  if (given === undefined) return undefined
  const choice = duplicateChoices.find((c) => c === given)
  if (!choice) throw new UsageError(`--on-duplicate must be one of ${duplicateChoices.join(', ')} (not "${given}").`)
  return choice
}

function optionsFrom(ctx: CommandContext): SourceOptions {
  const headerRow = stringOption(ctx, 'header-row')
  if (headerRow !== undefined && !(/^\d+$/.test(headerRow) && Number(headerRow) <= 1_048_576)) {
    throw new UsageError('--header-row must be a row number from 1 to 1048576, or 0 for "no header row".')
  }
  const delimiter = stringOption(ctx, 'delimiter')
  if (delimiter !== undefined && delimiter.length > 12) throw new UsageError('--delimiter must be one character, or a name such as comma, semicolon, tab or pipe.')
  const sheets = ctx.values.sheet
  const onDuplicate = onDuplicateFrom(ctx)
  return {
    ...(Array.isArray(sheets) && sheets.length ? { sheets } : {}),
    ...(stringOption(ctx, 'encoding') ? { encoding: stringOption(ctx, 'encoding') } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(headerRow !== undefined ? { headerRow: Number(headerRow) } : {}),
    ...(onDuplicate ? { onDuplicate } : {}),
    ...(stringOption(ctx, 'key-column') ? { keyColumn: stringOption(ctx, 'key-column') } : {}),
  }
}

/** Options that mean nothing for this kind of source are a mistake, not something to ignore. */
function refuseOptions(ctx: CommandContext, names: string[], forWhat: string): void {
  const given = names.filter((n) => ctx.values[n] !== undefined)
  if (given.length) throw new UsageError(`${given.map((n) => `--${n}`).join(', ')} ${given.length > 1 ? 'do' : 'does'} not apply to ${forWhat}.`)
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
  summary: 'Imports a CSV, TSV, JSON, NDJSON, Excel, Access or SQLite file, or tables of a live PostgreSQL/MySQL database (or, with --preview, shows what would be imported without writing anything).',
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
    const preview = ctx.values.preview === true
    // A preview writes nothing, so it opens no workspace and creates none.
    const session = preview ? ctx.bareSession() : ctx.session()
    if (isDatabaseUrl(file)) {
      refuseOptions(ctx, fileOnly, 'a database')
      const choice = { tables: Array.isArray(ctx.values.table) ? ctx.values.table : [], query: stringOption(ctx, 'query') }
      if (preview) {
        const shown = await previewDatabase(session, file, choice)
        ctx.out(ctx.json ? JSON.stringify(previewJson(shown)) : JSON.stringify(previewJson(shown), null, 2))
        return exitCodes.ok
      }
      const result = await importDatabase(session, file, choice)
      ctx.out(ctx.json ? JSON.stringify(importJson(result)) : describe(result))
      return exitCodes.ok
    }
    refuseOptions(ctx, databaseOnly, 'a file')
    const options = optionsFrom(ctx)
    if (session.workspace && path.resolve(file) === path.resolve(session.workspace.path)) throw new UsageError('That is the workspace itself; give the file to import.')
    const handle = session.files.grant(path.resolve(file)).handle
    if (preview) {
      const shown = await call(session, 'sources.preview', { file: handle, options })
      ctx.out(ctx.json ? JSON.stringify(previewJson(shown)) : JSON.stringify(previewJson(shown), null, 2))
      return exitCodes.ok
    }
    const result = await call(session, 'sources.import', { file: handle, options })
    ctx.out(ctx.json ? JSON.stringify(importJson(result)) : describe(result))
    return exitCodes.ok
  },
}
