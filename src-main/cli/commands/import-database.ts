/**
 * `mods-migrate import postgresql://user@host:port/db`: a live database as a source. The password
 * comes from MODS_MIGRATE_DB_PASSWORD (kept out of shell history and the process list) or, if the
 * user insists, from the URL; it is never printed, stored or audited.
 */
import type { ImportResult, SourcePreview } from '../../contract/methods/sources'
import { ApiError } from '../../contract/errors'
import { call } from '../../core/api/dispatcher'
import type { Session } from '../../core/api/session'

const schemes: Record<string, 'postgresql' | 'mysql'> = {
  'postgres:': 'postgresql',
  'postgresql:': 'postgresql',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
}

export function isDatabaseUrl(arg: string): boolean {
  return /^(postgres|postgresql|mysql|mariadb):\/\//i.test(arg)
}

function settingsFrom(arg: string) {
  let url: URL
  try {
    url = new URL(arg)
  } catch {
    throw new ApiError('VALIDATION', 'The database address is not a valid URL, e.g. postgresql://user@localhost:5432/care_db')
  }
  const kind = schemes[url.protocol.toLowerCase()]
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!kind || !url.hostname || !database || !url.username) {
    throw new ApiError('VALIDATION', 'The database address needs a user, host and database, e.g. postgresql://user@localhost:5432/care_db')
  }
  return {
    kind,
    host: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    database,
    user: decodeURIComponent(url.username),
    password: process.env.MODS_MIGRATE_DB_PASSWORD ?? decodeURIComponent(url.password),
  }
}

export interface DatabaseChoice {
  tables: string[]
  query: string | undefined
}

async function connected(session: Session, arg: string, choice: DatabaseChoice) {
  const { connectionId } = await call(session, 'databases.connect', settingsFrom(arg))
  return { connectionId, ...(choice.query ? { query: choice.query } : choice.tables.length ? { tables: choice.tables } : {}) }
}

/** Connects, then imports the chosen tables (all when none) or one read-only query. */
export async function importDatabase(session: Session, arg: string, choice: DatabaseChoice): Promise<ImportResult> {
  return call(session, 'databases.import', await connected(session, arg, choice))
}

/** Connects, then shows the columns and first rows of what `importDatabase` would import. */
export async function previewDatabase(session: Session, arg: string, choice: DatabaseChoice): Promise<SourcePreview> {
  return call(session, 'databases.preview', await connected(session, arg, choice))
}
