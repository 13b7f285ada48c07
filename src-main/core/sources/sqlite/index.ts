/**
 * SQLite files: every table and view, opened read-only (the file is never modified, not even its
 * journal), each streamed with its own short-lived connection so sheets can be read in any order.
 * WAL-mode files are read through a private snapshot (snapshot.ts). A view SQLite cannot run is
 * skipped with a warning unless the user chose it. Integers are read as bigints so long
 * identifiers keep every digit.
 */
import Database from 'better-sqlite3'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { BinaryTally, valueText } from '../database/values'
import { importRejected } from '../xlsx/rejection'
import { sqliteSnapshot } from './snapshot'

const magic = Buffer.from('SQLite format 3\0', 'latin1')
const batchRows = 2000

function openReadOnly(ctx: ReaderContext): Database.Database {
  try {
    const db = new Database(ctx.filePath, { readonly: true, fileMustExist: true })
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return db
  } catch (e) {
    throw importRejected(ctx, `it is not a readable SQLite database (${(e as Error).message})`)
  }
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

type TableProgress = (rows: number, ended: boolean) => void

async function* tableRows(ctx: ReaderContext, table: string, binaries: BinaryTally, columns: string[], progress: TableProgress): AsyncGenerator<SourceCells> {
  const db = openReadOnly(ctx)
  try {
    const stmt = db.prepare(`SELECT * FROM ${quote(table)}`).raw(true).safeIntegers(true)
    let rowNumber = 0
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      rowNumber++
      if (rowNumber > ctx.limits.maxRows) throw importRejected(ctx, `the table has more than ${ctx.limits.maxRows} rows`, { sheet: table })
      if (rowNumber % batchRows === 0) {
        ctx.throwIfCancelled()
        progress(rowNumber, false) // before the row goes, so the engine's batch ending with it reports it
      }
      yield { rowNumber, cells: row.map((v, i) => valueText(v, columns[i] ?? '', binaries)) }
    }
    progress(rowNumber, true)
  } catch (e) {
    if ((e as { code?: string }).code === 'IMPORT_REJECTED' || (e as { code?: string }).code === 'CANCELLED') throw e
    throw importRejected(ctx, `the table could not be read (${(e as Error).message})`, { sheet: table })
  } finally {
    db.close()
  }
}

async function* withWarnings(rows: AsyncGenerator<SourceCells>, binaries: BinaryTally, warnings: string[]): AsyncGenerator<SourceCells> {
  yield* rows
  warnings.push(...binaries.warnings())
}

interface SchemaObject {
  name: string
  type: string
}

interface Listed extends SchemaObject {
  columns: string[]
  rowCount: number | null
}

interface Skipped {
  name: string
  reason: string
}

interface Listing {
  objects: Listed[]
  skipped: Skipped[]
}

/** Columns, and for a table its row count (progress); a view's would mean running its query twice, so views count when done. */
function inspect(db: Database.Database, o: SchemaObject): Listed {
  const columns = db.prepare(`SELECT * FROM ${quote(o.name)}`).columns().map((c) => c.name)
  const rowCount = o.type === 'table' ? Number(db.prepare(`SELECT count(*) FROM ${quote(o.name)}`).pluck().get()) : null
  return { ...o, columns, rowCount }
}

/**
 * The chosen tables and views. A view SQLite cannot run (e.g. over a dropped table) is skipped so the
 * rest still imports, unless the user chose it by name; a table that cannot be read refuses the file.
 */
function listObjects(ctx: ReaderContext, db: Database.Database): Listing {
  let all: SchemaObject[]
  try {
    all = db.prepare(`SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`).all() as SchemaObject[]
  } catch (e) {
    throw importRejected(ctx, `its tables could not be listed (${(e as Error).message})`)
  }
  const objects: Listed[] = []
  const skipped: Skipped[] = []
  for (const o of all.filter((o) => !ctx.options.sheets || ctx.options.sheets.includes(o.name))) {
    try {
      objects.push(inspect(db, o))
    } catch (e) {
      const reason = (e as Error).message
      if (o.type !== 'view' || ctx.options.sheets) throw importRejected(ctx, `the ${o.type} could not be read (${reason})`, { sheet: o.name })
      skipped.push({ name: o.name, reason })
    }
  }
  return { objects, skipped }
}

/** Skipped views are reported once, with the first sheet. */
function sheetWarnings(o: Listed, skipped: Skipped[] | null): string[] {
  const skips = (skipped ?? []).map((s) => `The view "${s.name}" was skipped because SQLite cannot run it (${s.reason}).`)
  return o.type === 'view' ? [...skips, `"${o.name}" is a view (a saved query), read as it is now.`] : skips
}

async function* readDatabase(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const db = openReadOnly(ctx)
  let listed: Listing
  try {
    listed = listObjects(ctx, db)
  } finally {
    db.close()
  }
  const { objects, skipped } = listed
  if (objects.length === 0 && skipped.length > 0) throw importRejected(ctx, `none of its views can be read (${skipped.map((s) => `"${s.name}": ${s.reason}`).join('; ')})`)
  for (const [done, o] of objects.entries()) {
    if (o.columns.length > ctx.limits.maxColumns) throw importRejected(ctx, `it has ${o.columns.length} columns (limit ${ctx.limits.maxColumns})`, { sheet: o.name })
    const share = (rows: number, ended: boolean) => (ended ? 1 : o.rowCount ? Math.min(1, rows / o.rowCount) : 0)
    const progress: TableProgress = (rows, ended) => ctx.onFraction((done + share(rows, ended)) / objects.length)
    const binaries = new BinaryTally()
    const warnings = sheetWarnings(o, done === 0 ? skipped : null)
    yield { name: o.name, sheet: o.name, hidden: false, columns: o.columns, warnings, rows: withWarnings(tableRows(ctx, o.name, binaries, o.columns, progress), binaries, warnings) }
  }
}

export async function* readSqlite(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const snapshot = await sqliteSnapshot(ctx)
  try {
    yield* readDatabase(snapshot ? { ...ctx, filePath: snapshot.filePath } : ctx)
  } finally {
    snapshot?.remove()
  }
}

export const sqliteReader: SourceReader = {
  format: 'sqlite',
  detect: (head) => Buffer.from(head.subarray(0, magic.length)).equals(magic),
  sheets: readSqlite,
}
