/**
 * Microsoft Access (.mdb Jet 3/4, .accdb ACE) via mdb-reader, a pure-JavaScript reader: no ODBC
 * driver or Access install needed, and the file is only ever read. mdb-reader needs the whole file
 * in memory, so files above the size limit are refused; rows are then taken in batches.
 */
import fs from 'node:fs'
import MDBReader from 'mdb-reader'
import type { ReaderContext, SourceCells, SourceReader, SourceSheet } from '../reader'
import { BinaryTally, valueText } from '../database/values'
import { importRejected } from '../xlsx/rejection'
import { loopingDefinitionPage } from './definition-chains'

const batchRows = 5000
const jet = Buffer.from('Standard Jet DB', 'latin1')
const ace = Buffer.from('Standard ACE DB', 'latin1')

function openDatabase(ctx: ReaderContext): MDBReader {
  const size = fs.statSync(ctx.filePath).size
  if (size > ctx.limits.maxUncompressedBytes) {
    throw importRejected(ctx, `it is ${Math.round(size / 1024 ** 2)} MB, above the ${Math.round(ctx.limits.maxUncompressedBytes / 1024 ** 2)} MB limit for Access files`)
  }
  const bytes = fs.readFileSync(ctx.filePath)
  const loop = loopingDefinitionPage(bytes)
  if (loop !== null) throw importRejected(ctx, `it is damaged (the table definition on page ${loop} loops back on itself)`)
  try {
    const db = new MDBReader(bytes)
    db.getTableNames()
    return db
  } catch (e) {
    const message = (e as Error).message
    if (/password|encrypt|decrypt/i.test(message)) {
      throw importRejected(ctx, 'it is password-protected; remove the password in Access (File, Info, Decrypt Database) and try again')
    }
    throw importRejected(ctx, `it is not a readable Access database (${message})`)
  }
}

type AccessTable = ReturnType<MDBReader['getTable']>

/** A damaged table definition makes mdb-reader throw plain errors; they become a rejection naming the table. */
function openTable(ctx: ReaderContext, db: MDBReader, name: string): { table: AccessTable; columns: string[] } {
  try {
    const table = db.getTable(name)
    return { table, columns: table.getColumnNames() }
  } catch (e) {
    throw importRejected(ctx, `the table definition could not be read (${(e as Error).message})`, { sheet: name })
  }
}

async function* tableRows(ctx: ReaderContext, table: AccessTable, name: string, columns: string[], warnings: string[]): AsyncGenerator<SourceCells> {
  const binaries = new BinaryTally()
  let rowNumber = 0
  for (let offset = 0; offset < table.rowCount; offset += batchRows) {
    ctx.throwIfCancelled()
    let batch: Record<string, unknown>[]
    try {
      batch = table.getData({ rowOffset: offset, rowLimit: batchRows })
    } catch (e) {
      throw importRejected(ctx, `the table could not be read (${(e as Error).message})`, { sheet: name, row: rowNumber + 1 })
    }
    if (batch.length === 0) break
    for (const record of batch) {
      rowNumber++
      yield { rowNumber, cells: columns.map((c) => valueText(record[c], c, binaries)) }
    }
  }
  warnings.push(...binaries.warnings())
}

export async function* readAccess(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  const db = openDatabase(ctx)
  const linked = db.getTableNames({ normalTables: false, linkedTables: true })
  for (const name of db.getTableNames()) {
    if (ctx.options.sheets && !ctx.options.sheets.includes(name)) continue
    const { table, columns } = openTable(ctx, db, name)
    if (table.rowCount > ctx.limits.maxRows) throw importRejected(ctx, `the table has ${table.rowCount} rows (limit ${ctx.limits.maxRows})`, { sheet: name })
    if (table.columnCount > ctx.limits.maxColumns) throw importRejected(ctx, `the table has ${table.columnCount} columns (limit ${ctx.limits.maxColumns})`, { sheet: name })
    const warnings: string[] = []
    if (linked.length) warnings.push(`The database links to tables stored elsewhere (${linked.join(', ')}); import those files separately.`)
    yield { name, sheet: name, hidden: false, columns, warnings, rows: tableRows(ctx, table, name, columns, warnings) }
  }
}

export const accessReader: SourceReader = {
  format: 'access',
  detect: (head) => {
    const signature = Buffer.from(head.subarray(4, 19))
    return signature.equals(jet) || signature.equals(ace)
  },
  sheets: readAccess,
}
