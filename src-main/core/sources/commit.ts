/**
 * The all-or-nothing heart of every import. Sheets stream into the workspace inside one
 * `BEGIN IMMEDIATE … COMMIT` on a dedicated connection; the source row, tables, columns and the
 * `import.completed` audit event commit together, and any error or cancellation rolls back, so a
 * crash at any point leaves either the whole import or none of it (SQLite's atomic commit).
 */
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import { appendAudit } from '../workspace'
import type { AuditActor, Workspace } from '../workspace'
import { inImportTransaction } from './connection'
import { faultPoint } from './fault'
import { dropSource, getSource, latestSourceNamed, sourcesWithSha } from './lifecycle'
import { ImportProgress } from './progress'
import type { SourceFormat, SourceSheet } from './reader'
import { writeSheet } from './sheet-writer'
import type { ImportedTable, ImportJob, ImportOptions, ImportResult } from './types'

export interface CommitMeta {
  fileName: string
  format: SourceFormat
  /** SHA-256 of the file; null for live databases (then the imported content is hashed). */
  sha256: string | null
  sizeBytes: number
  options: ImportOptions
  /** Settings detected before reading (e.g. encoding), recorded with the source. */
  settings?: Record<string, unknown>
  /** Receives byte counts from the reader so progress can show a fraction. */
  progress?: ImportProgress
}

type Duplicate = { action: 'none' } | { action: 'skip'; sourceId: number } | { action: 'replace'; sourceIds: number[] }

function checkDuplicate(db: Database.Database, meta: CommitMeta, sha256: string): Duplicate {
  const same = sourcesWithSha(db, sha256)
  if (same.length === 0) return { action: 'none' }
  const policy = meta.options.onDuplicate ?? 'error'
  if (policy === 'skip') return { action: 'skip', sourceId: same[0]!.id }
  if (policy === 'replace') return { action: 'replace', sourceIds: same.map((s) => s.id) }
  const first = same[0]!
  throw new ApiError(
    'CONFLICT',
    `${meta.fileName} has already been imported (identical content, imported ${first.imported_at.slice(0, 16).replace('T', ' ')} as ${first.file_name}). Choose "replace" to import it again or "skip" to keep the earlier import.`,
    { file: meta.fileName },
    { sourceId: first.id },
  )
}

function previousSourceId(db: Database.Database, meta: CommitMeta): number | null {
  if (meta.options.previousSourceId !== undefined) return getSource(db, meta.options.previousSourceId).id
  if (!meta.options.keyColumn) return null
  return latestSourceNamed(db, meta.fileName, meta.format)?.id ?? null
}

/** Hash of streamed content, for sources without a file (live databases). */
function contentHasher() {
  const hash = createHash('sha256')
  return {
    table(t: ImportedTable, db: Database.Database) {
      hash.update(`\u0002${t.name}\u0001${t.columns.join('\u0001')}`)
      for (const r of db.prepare(`SELECT * FROM "raw_${t.id}" ORDER BY _row_id`).raw(true).iterate() as Iterable<unknown[]>) {
        hash.update(`\u0003${r.slice(1).join('\u0001')}`)
      }
    },
    digest: () => hash.digest('hex'),
  }
}

function wanted(sheet: SourceSheet, options: ImportOptions): boolean {
  const only = options.sheets
  return !only || only.length === 0 || only.includes(sheet.name) || (sheet.sheet !== null && only.includes(sheet.sheet))
}

function existingResult(db: Database.Database, sourceId: number, meta: CommitMeta, sha256: string): ImportResult {
  const tables = db.prepare('SELECT id, name, sheet, hidden, header_row, row_count, warnings_json FROM source_table WHERE source_id = ? ORDER BY id').all(sourceId) as {
    id: number; name: string; sheet: string | null; hidden: number; header_row: number | null; row_count: number; warnings_json: string
  }[]
  const columns = db.prepare('SELECT name FROM source_column WHERE table_id = ? ORDER BY ordinal').pluck()
  return {
    sourceId, fileName: meta.fileName, format: meta.format, sha256, sizeBytes: meta.sizeBytes, status: 'skipped',
    tables: tables.map((t) => ({
      id: t.id, name: t.name, sheet: t.sheet, hidden: t.hidden === 1, headerRow: t.header_row, rows: t.row_count,
      columns: columns.all(t.id) as string[], warnings: JSON.parse(t.warnings_json) as string[], changes: null,
    })),
    warnings: [`${meta.fileName} was already imported with identical content; nothing was changed.`],
    settings: meta.settings ?? {},
  }
}

class Skipped extends Error {
  constructor(readonly result: ImportResult) {
    super('skipped')
  }
}

export async function commitSheets(
  ws: Workspace,
  meta: CommitMeta,
  sheets: AsyncIterable<SourceSheet>,
  job: ImportJob,
  actor: AuditActor,
): Promise<ImportResult> {
  const progress = meta.progress ?? new ImportProgress(job, meta.sizeBytes || null)
  try {
    return await inImportTransaction(
      ws,
      async (db) => {
        let duplicate = meta.sha256 ? checkDuplicate(db, meta, meta.sha256) : ({ action: 'none' } as Duplicate)
        if (duplicate.action === 'skip') throw new Skipped(existingResult(db, duplicate.sourceId, meta, meta.sha256!))
        const previous = previousSourceId(db, meta)
        const sourceId = Number(
          db.prepare('INSERT INTO source (file_name, format, sha256, size_bytes, imported_at, options_json, previous_source_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(meta.fileName, meta.format, meta.sha256 ?? 'pending', meta.sizeBytes, new Date().toISOString(), JSON.stringify(meta.options), previous).lastInsertRowid,
        )
        const tables: ImportedTable[] = []
        const settings: Record<string, unknown> = { ...meta.settings }
        for await (const sheet of sheets) {
          if (!wanted(sheet, meta.options)) continue
          if (sheet.detected) Object.assign(settings, sheet.detected)
          tables.push(await writeSheet({ db, sourceId, fileName: meta.fileName, options: meta.options, progress, previousSourceId: previous, reportShortRows: meta.format === 'csv', singleTable: tables.length === 0 }, sheet))
        }
        if (tables.length === 0) throw new ApiError('IMPORT_REJECTED', `${meta.fileName} has no ${meta.options.sheets?.length ? 'sheet with the chosen name' : 'tables or sheets'} to import.`, { file: meta.fileName })

        let sha256 = meta.sha256
        if (!sha256) {
          const hasher = contentHasher()
          for (const t of tables) hasher.table(t, db)
          sha256 = hasher.digest()
          duplicate = checkDuplicate(db, meta, sha256)
          if (duplicate.action === 'skip') throw new Skipped(existingResult(db, duplicate.sourceId, meta, sha256))
          db.prepare('UPDATE source SET sha256 = ? WHERE id = ?').run(sha256, sourceId)
        }
        if (duplicate.action === 'replace') for (const id of duplicate.sourceIds) dropSource(db, id)

        const warnings = tables.flatMap((t) => t.warnings.map((w) => (tables.length > 1 ? `${t.name}: ${w}` : w)))
        db.prepare('UPDATE source SET warnings_json = ?, options_json = ? WHERE id = ?').run(JSON.stringify(warnings), JSON.stringify({ ...meta.options, ...settings }), sourceId)
        const rows = tables.reduce((n, t) => n + t.rows, 0)
        appendAudit(db, actor, {
          action: 'import.completed',
          object: `source:${sourceId}`,
          details: {
            sourceId, format: meta.format, sha256, sizeBytes: meta.sizeBytes, tables: tables.length, rows,
            columns: tables.reduce((n, t) => n + t.columns.length, 0),
            ...(duplicate.action === 'replace' ? { replacedSourceIds: duplicate.sourceIds } : {}),
            ...(previous !== null ? { previousSourceId: previous, changes: tables.map((t) => t.changes && { added: t.changes.added, changed: t.changes.changed, removed: t.changes.removed }) } : {}),
          },
        })
        progress.report('import', true)
        const status: ImportResult['status'] = duplicate.action === 'replace' ? 'replaced' : 'imported'
        return { sourceId, fileName: meta.fileName, format: meta.format, sha256, sizeBytes: meta.sizeBytes, status, tables, warnings, settings }
      },
      () => faultPoint('before-commit'),
    ).then((result) => {
      faultPoint('after-commit')
      return result
    })
  } catch (err) {
    if (err instanceof Skipped) return err.result
    throw asApiError(err, meta.fileName)
  }
}

/** Storage failures become plain-English errors; everything else passes through. */
function asApiError(err: unknown, fileName: string): unknown {
  const code = (err as { code?: string }).code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new ApiError('IMPORT_REJECTED', `The disk is full: ${fileName} could not be imported and nothing was changed.`, { file: fileName }, { reason: 'disk-full' })
  }
  if (code === 'SQLITE_BUSY') {
    return new ApiError('CONFLICT', `The workspace is busy with another change; nothing was imported from ${fileName}. Try again in a moment.`, { file: fileName })
  }
  return err
}
