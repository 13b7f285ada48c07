/**
 * The Access reading itself: mdb-reader over the whole file, tables opened by name and read in
 * batches of text cells. It runs inside the isolation worker (worker.ts), so it is synchronous and
 * knows nothing of the workspace or the import; failures are AccessFailed, which the main thread
 * turns into IMPORT_REJECTED naming the file.
 */
import fs from 'node:fs'
import MDBReader from 'mdb-reader'
import { BinaryTally, valueText } from '../database/values'
import { isPasswordProtectedAccdb, loopingDefinitionPage } from './definition-chains'
import type { AccessBatch, AccessFailure, AccessOpened, AccessReply, AccessRequest, AccessTableInfo } from './protocol'

export const batchRows = 5000

export class AccessFailed extends Error {
  constructor(readonly failure: AccessFailure) {
    super(failure.reason)
  }
}

type AccessTable = ReturnType<MDBReader['getTable']>
interface OpenTable {
  table: AccessTable
  columns: string[]
  binaries: BinaryTally
}

const passwordProtected = 'it is password-protected; remove the password in Access (File, Info, Decrypt Database) and try again'

function openDatabase(filePath: string): MDBReader {
  const bytes = fs.readFileSync(filePath)
  if (isPasswordProtectedAccdb(bytes)) throw new AccessFailed({ reason: passwordProtected })
  const loop = loopingDefinitionPage(bytes)
  if (loop !== null) throw new AccessFailed({ reason: `it is damaged (the table definition on page ${loop} loops back on itself)` })
  try {
    const db = new MDBReader(bytes)
    db.getTableNames()
    return db
  } catch (e) {
    const message = (e as Error).message
    if (/password|encrypt|decrypt/i.test(message)) {
      throw new AccessFailed({ reason: passwordProtected })
    }
    throw new AccessFailed({ reason: `it is not a readable Access database (${message})` })
  }
}

export class AccessDatabase {
  private readonly db: MDBReader
  private readonly tables = new Map<string, OpenTable>()

  constructor(filePath: string) {
    this.db = openDatabase(filePath)
  }

  /** Normal tables (system tables are left out) and linked tables, whose rows live in other files. */
  contents(): AccessOpened {
    return { tables: this.db.getTableNames(), linked: this.db.getTableNames({ normalTables: false, linkedTables: true }) }
  }

  /** A damaged table definition makes mdb-reader throw plain errors; they become a failure naming the table. */
  table(name: string): AccessTableInfo {
    try {
      const table = this.db.getTable(name)
      const columns = table.getColumnNames()
      this.tables.set(name, { table, columns, binaries: new BinaryTally() })
      return { columns, rowCount: table.rowCount, columnCount: table.columnCount }
    } catch (e) {
      throw new AccessFailed({ reason: `the table definition could not be read (${(e as Error).message})`, sheet: name })
    }
  }

  batch(name: string, offset: number): AccessBatch {
    const open = this.tables.get(name)
    if (!open) throw new Error(`table ${name} was not opened`)
    let records: Record<string, unknown>[]
    try {
      records = offset < open.table.rowCount ? open.table.getData({ rowOffset: offset, rowLimit: batchRows }) : []
    } catch (e) {
      throw new AccessFailed({ reason: `the table could not be read (${(e as Error).message})`, sheet: name, row: offset + 1 })
    }
    const rows = records.map((record) => open.columns.map((c) => valueText(record[c], c, open.binaries)))
    const ended = rows.length === 0 || offset + rows.length >= open.table.rowCount
    return { rows, endWarnings: ended ? open.binaries.warnings() : null }
  }
}

/** One file's reading, answering the protocol's requests in order (the worker's whole job). */
export class AccessReading {
  private database: AccessDatabase | null = null

  answer(request: AccessRequest): AccessReply {
    try {
      if (request.kind === 'open') {
        this.database = new AccessDatabase(request.filePath)
        return { kind: 'open', value: this.database.contents() }
      }
      if (!this.database) throw new Error('the database was not opened')
      if (request.kind === 'table') return { kind: 'table', value: this.database.table(request.name) }
      return { kind: 'batch', value: this.database.batch(request.name, request.offset) }
    } catch (e) {
      if (e instanceof AccessFailed) return { kind: 'failed', failure: e.failure }
      throw e
    }
  }
}
