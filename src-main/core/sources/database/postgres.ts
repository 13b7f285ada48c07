/**
 * PostgreSQL through `pg`. Every value arrives as PostgreSQL's own text output (no JS parsing, so
 * numerics and int8 keep every digit and dates stay dates); rows stream from a server-side cursor
 * (`DECLARE … CURSOR` + `FETCH n`) inside a READ ONLY transaction, which also stops any query that
 * tries to change data. The extended protocol refuses a second statement smuggled after a `;`.
 */
import pg from 'pg'
import type { QueryConfig } from 'pg'
import type { Cursor, Driver, ListedTable } from './driver'
import type { DatabaseSettings } from './settings'
import type { BinaryTally } from './values'

const fetchRows = 2000
const asText = { getTypeParser: () => (value: string) => value }
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

const oid = { bool: 16, bytea: 17, timestamp: 1114, timestamptz: 1184 }

function converter(typeId: number, column: string, binaries: BinaryTally): (v: string | null) => string | null {
  switch (typeId) {
    case oid.bool:
      return (v) => (v === null ? null : v === 't' ? 'true' : 'false')
    case oid.bytea:
      return (v) => (v === null ? null : binaries.note(column, (v.length - 2) / 2))
    case oid.timestamp:
    case oid.timestamptz:
      return (v) => (v === null ? null : v.replace(' ', 'T'))
    default:
      return (v) => v
  }
}

export async function connectPostgres(s: DatabaseSettings): Promise<Driver> {
  const client = new pg.Client({
    host: s.host, port: s.port, database: s.database, user: s.user, password: s.password,
    connectionTimeoutMillis: 10_000, types: asText, application_name: 'mods-migrate',
  })
  client.on('error', () => {}) // a dropped connection surfaces on the next query instead
  await client.connect()
  await client.query(`SET DateStyle = 'ISO, YMD'`)
  const fetch = () => client.query<string[]>({ text: `FETCH ${fetchRows} FROM mods_rows`, rowMode: 'array' })

  return {
    async listTables(): Promise<ListedTable[]> {
      const { rows } = await client.query<{ table_schema: string; table_name: string; table_type: string }>(
        `SELECT table_schema, table_name, table_type FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%'
         ORDER BY table_schema <> 'public', table_schema, table_name`,
      )
      return rows.map((r) => ({
        name: r.table_schema === 'public' ? r.table_name : `${r.table_schema}.${r.table_name}`,
        type: r.table_type === 'VIEW' ? 'view' : 'table',
        from: `${quote(r.table_schema)}.${quote(r.table_name)}`,
      }))
    },

    async openCursor(sql: string, binaries: BinaryTally): Promise<Cursor> {
      await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
      let first: pg.QueryResult<string[]>
      try {
        const declare: QueryConfig & { queryMode: 'extended' } = { text: `DECLARE mods_rows NO SCROLL CURSOR FOR ${sql}`, queryMode: 'extended' }
        await client.query(declare)
        first = await fetch()
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {})
        throw e
      }
      const convert = first.fields.map((f) => converter(f.dataTypeID, f.name, binaries))
      async function* batches(): AsyncGenerator<(string | null)[][]> {
        try {
          for (let r = first; r.rows.length > 0; r = await fetch()) {
            yield r.rows.map((row) => row.map((v, i) => convert[i]!(v)))
            if (r.rows.length < fetchRows) break
          }
        } finally {
          await client.query('ROLLBACK')
        }
      }
      return { columns: first.fields.map((f) => f.name), batches: batches() }
    },

    close: () => client.end(),
  }
}
