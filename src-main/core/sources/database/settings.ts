/**
 * Connection settings for live databases and the one place driver errors become messages. The
 * password lives only in this object, in memory, for the session: it is never stored, logged,
 * audited, or echoed in an error (driver messages are scrubbed of it as well).
 */
import { ApiError } from '../../../contract/errors'
import type { ImportLimits } from '../reader'

export type DatabaseKind = 'postgresql' | 'mysql'

export interface DatabaseSettings {
  kind: DatabaseKind
  host: string
  port: number
  database: string
  user: string
  password: string
}

export const defaultPorts: Record<DatabaseKind, number> = { postgresql: 5432, mysql: 3306 }

export interface DatabaseTable {
  /** Schema-qualified unless in the default schema (PostgreSQL `public`). */
  name: string
  type: 'table' | 'view'
}

/** What reading needs from the job (no file: the context of a live import). */
export interface LiveReadContext {
  limits: ImportLimits
  throwIfCancelled(): void
}

/** The user-facing name of a connection, also used as the source's "file name": no password. */
export function databaseLabel(s: Omit<DatabaseSettings, 'password'>): string {
  return `${s.kind}://${s.user}@${s.host}:${s.port}/${s.database}`
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening at that host and port; check the server is running',
  ENOTFOUND: 'that host name was not found',
  ETIMEDOUT: 'the server did not answer in time',
  '28P01': 'the user name or password was not accepted',
  '28000': 'the user name or password was not accepted',
  ER_ACCESS_DENIED_ERROR: 'the user name or password was not accepted',
  '3D000': 'that database does not exist',
  ER_BAD_DB_ERROR: 'that database does not exist',
  '25006': 'the query tried to change data; only reading queries (SELECT) are allowed',
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: 'the query tried to change data; only reading queries (SELECT) are allowed',
  '42601': 'the query has a syntax error, or holds more than one statement',
  ER_PARSE_ERROR: 'the query has a syntax error, or holds more than one statement',
}

/** A driver error as IMPORT_REJECTED, naming the connection (never the password). */
export function databaseError(settings: DatabaseSettings, err: unknown, table?: string): ApiError {
  if (err instanceof ApiError) return err
  const e = err as { code?: string; message?: string }
  const scrub = (text: string) => (settings.password ? text.split(settings.password).join('***') : text)
  const detail = reasons[e.code ?? ''] ?? scrub(e.message ?? 'unknown error')
  const where = table ? `, ${table}` : ''
  return new ApiError('IMPORT_REJECTED', `Cannot read ${databaseLabel(settings)}${where}: ${detail}.`, { file: databaseLabel(settings), ...(table ? { sheet: table } : {}) })
}

/** Comments and blank space before the first word; MySQL's executable comments (slash-star-bang) and hints do not count. */
const leadingComments = /^(?:\s+|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*(?![!+])[\s\S]*?\*\/)*/

/** Statements that only read: SELECT and its forms (WITH … SELECT, VALUES, TABLE name). */
const readingStatement = /^(select|with|values|table)\b/i

/**
 * One query to import, without the trailing semicolon people often type, or a specific refusal.
 * The READ ONLY transaction stops data changes on both servers, but MySQL ends that transaction
 * implicitly before DDL (DROP, CREATE, ALTER...) and runs it, and `SELECT ... INTO OUTFILE` writes a
 * file on the database server: so only reading statements reach the server at all.
 */
export function cleanQuery(settings: DatabaseSettings, query: string): string {
  const sql = query.trim().replace(/;\s*$/, '')
  const body = sql.replace(leadingComments, '')
  const refuse = (why: string) => new ApiError('IMPORT_REJECTED', `Cannot read ${databaseLabel(settings)}, query: ${why}.`, { file: databaseLabel(settings), sheet: 'query' })
  if (!readingStatement.test(body)) {
    const first = /^[A-Za-z]+/.exec(body)?.[0]
    throw refuse(`only a reading query (SELECT) can be imported${first ? `, and this one starts with ${first.toUpperCase()}` : ''}`)
  }
  if (/\binto\s+(outfile|dumpfile)\b/i.test(body)) throw refuse('only a reading query (SELECT) can be imported, and INTO OUTFILE/DUMPFILE would write a file on the database server')
  return sql
}
