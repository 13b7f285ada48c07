/** Shared by the format-reader tests: a reader context and a way to drain every sheet. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultLimits } from '../../../src-main/core/sources/reader'
import type { ImportLimits, ReadOptions, ReaderContext, SourceReader } from '../../../src-main/core/sources/reader'

export function tempDir(prefix = 'mods-formats-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function contextFor(filePath: string, options: ReadOptions = {}, limits: Partial<ImportLimits> = {}): ReaderContext {
  return {
    filePath,
    displayName: path.basename(filePath),
    options,
    limits: { ...defaultLimits, ...limits },
    throwIfCancelled: () => {},
    onBytes: () => {},
    onFraction: () => {},
  }
}

export interface DrainedSheet {
  name: string
  sheet: string | null
  hidden: boolean
  columns: string[] | null
  warnings: string[]
  rows: { rowNumber: number; cells: (string | null)[] }[]
}

/** Reads every sheet completely; warnings are copied after the rows (readers may add some at the end). */
export async function drain(reader: SourceReader, ctx: ReaderContext): Promise<DrainedSheet[]> {
  const out: DrainedSheet[] = []
  for await (const sheet of reader.sheets(ctx)) {
    const rows: DrainedSheet['rows'] = []
    for await (const row of sheet.rows) rows.push({ rowNumber: row.rowNumber, cells: [...row.cells] })
    out.push({ name: sheet.name, sheet: sheet.sheet, hidden: sheet.hidden, columns: sheet.columns, warnings: [...sheet.warnings], rows })
  }
  return out
}

/** The rejection a promise ends with, for asserting code and message. */
export async function rejectionOf(p: Promise<unknown>): Promise<{ code: string; message: string; location: unknown }> {
  try {
    await p
  } catch (e) {
    const err = e as { code?: string; message: string; location?: unknown }
    return { code: err.code ?? 'none', message: err.message, location: err.location }
  }
  throw new Error('expected a rejection')
}
