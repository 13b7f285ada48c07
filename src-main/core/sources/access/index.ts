/**
 * Microsoft Access (.mdb Jet 3/4, .accdb ACE) via mdb-reader, a pure-JavaScript reader: no ODBC
 * driver or Access install needed, and the file is only ever read. mdb-reader needs the whole file
 * in memory, so files above the size limit are refused. The reading runs in a worker thread with a
 * memory cap and a time limit per step (session.ts); rows come back in batches.
 */
import fs from 'node:fs'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { importRejected } from '../xlsx/rejection'
import { AccessFailed } from './database'
import type { AccessRequest } from './protocol'
import { isolatedSession } from './session'
import type { AccessSession } from './session'

const jet = Buffer.from('Standard Jet DB', 'latin1')
const ace = Buffer.from('Standard ACE DB', 'latin1')
const megabyte = 1024 ** 2

/** mdb-reader's own objects grow with the rows of a batch, not with the file, so a modest cap suffices. */
export function isolationMemoryMb(sizeBytes: number): number {
  return Math.min(2048, 256 + Math.ceil((2 * sizeBytes) / megabyte))
}

export type OpenAccessSession = (ctx: ReaderContext, sizeBytes: number) => AccessSession

const openIsolated: OpenAccessSession = (ctx, sizeBytes) =>
  isolatedSession({ memoryMb: isolationMemoryMb(sizeBytes), stepSeconds: ctx.limits.maxStepSeconds })

async function ask<R extends AccessRequest>(ctx: ReaderContext, session: AccessSession, request: R) {
  try {
    return await session.ask(request)
  } catch (e) {
    if (!(e instanceof AccessFailed)) throw e
    const { reason, sheet, row } = e.failure
    throw importRejected(ctx, reason, { ...(sheet !== undefined ? { sheet } : {}), ...(row !== undefined ? { row } : {}) })
  }
}

interface TableRead {
  name: string
  rowCount: number
  warnings: string[]
  /** Share of the whole file read once `rows` of this table are done. */
  progress: (rows: number) => void
}

async function* tableBatches(ctx: ReaderContext, session: AccessSession, table: TableRead): AsyncGenerator<SourceCells[]> {
  let rowNumber = 0
  for (;;) {
    ctx.throwIfCancelled()
    const batch = await ask(ctx, session, { kind: 'batch', name: table.name, offset: rowNumber })
    const cells = batch.rows.map((row) => ({ rowNumber: ++rowNumber, cells: row }))
    table.progress(rowNumber)
    if (batch.endWarnings) table.warnings.push(...batch.endWarnings)
    if (cells.length) yield cells
    if (batch.endWarnings) return
  }
}

function sheetOf(ctx: ReaderContext, session: AccessSession, table: TableRead, columns: string[]): SourceSheet {
  async function* rows(): AsyncGenerator<SourceCells> {
    for await (const batch of tableBatches(ctx, session, table)) yield* batch
  }
  return { name: table.name, sheet: table.name, hidden: false, columns, warnings: table.warnings, rows: rows(), batches: tableBatches(ctx, session, table) }
}

export async function* readAccess(ctx: ReaderContext, openSession: OpenAccessSession = openIsolated): AsyncGenerator<SourceSheet> {
  const size = fs.statSync(ctx.filePath).size
  if (size > ctx.limits.maxUncompressedBytes) {
    throw importRejected(ctx, `it is ${Math.round(size / megabyte)} MB, above the ${Math.round(ctx.limits.maxUncompressedBytes / megabyte)} MB limit for Access files`)
  }
  const session = openSession(ctx, size)
  try {
    const { tables, linked } = await ask(ctx, session, { kind: 'open', filePath: ctx.filePath })
    const chosen = tables.filter((name) => !ctx.options.sheets || ctx.options.sheets.includes(name))
    for (const [done, name] of chosen.entries()) {
      const info = await ask(ctx, session, { kind: 'table', name })
      if (info.rowCount > ctx.limits.maxRows) throw importRejected(ctx, `the table has ${info.rowCount} rows (limit ${ctx.limits.maxRows})`, { sheet: name })
      if (info.columnCount > ctx.limits.maxColumns) throw importRejected(ctx, `the table has ${info.columnCount} columns (limit ${ctx.limits.maxColumns})`, { sheet: name })
      const warnings = linked.length ? [`The database links to tables stored elsewhere (${linked.join(', ')}); import those files separately.`] : []
      const progress = (rows: number) => ctx.onFraction((done + Math.min(1, info.rowCount ? rows / info.rowCount : 1)) / chosen.length)
      yield sheetOf(ctx, session, { name, rowCount: info.rowCount, warnings, progress }, info.columns)
    }
  } finally {
    session.close()
  }
}

/** The Access reader reading through another session (tests: in this thread, with mdb-reader replaced). */
export function accessReaderUsing(openSession: OpenAccessSession): SourceReader {
  return {
    format: 'access',
    detect: (head) => {
      const signature = Buffer.from(head.subarray(4, 19))
      return signature.equals(jet) || signature.equals(ace)
    },
    sheets: (ctx) => readAccess(ctx, openSession),
  }
}

export const accessReader = accessReaderUsing(openIsolated)
