/**
 * MySQL and MariaDB through `mysql2`. Dates come as the server's strings, DECIMAL and BIGINT as
 * exact strings; rows stream with `query().stream()` (back-pressure pauses the socket) inside a
 * READ ONLY transaction. Multiple statements are disabled, so one query can only be one statement.
 */
import mysql from 'mysql2'
import type { FieldPacket } from 'mysql2'
import type { Cursor, Driver, ListedTable } from './driver'
import type { DatabaseSettings } from './settings'
import { valueText } from './values'
import type { BinaryTally } from './values'

const batchRows = 2000
const quote = (name: string): string => `\`${name.replace(/`/g, '``')}\``
/** mysql2 column types whose text is "yyyy-mm-dd hh:mm:ss" (TIMESTAMP, DATETIME). */
const dateTimeTypes = new Set([7, 12])

export async function connectMysql(s: DatabaseSettings): Promise<Driver> {
  const conn = mysql.createConnection({
    host: s.host, port: s.port, database: s.database, user: s.user, password: s.password,
    dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, decimalNumbers: false,
    multipleStatements: false, connectTimeout: 10_000, charset: 'utf8mb4_unicode_ci',
  })
  conn.on('error', () => {}) // a dropped connection surfaces on the next query instead
  await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())))
  const run = (sql: string) => conn.promise().query(sql)

  return {
    async listTables(): Promise<ListedTable[]> {
      const [rows] = await conn.promise().query(
        `SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name`,
      )
      return (rows as { name: string; type: string }[]).map((r) => ({ name: r.name, type: r.type === 'VIEW' ? 'view' : 'table', from: quote(r.name) }))
    },

    async openCursor(sql: string, binaries: BinaryTally): Promise<Cursor> {
      await run('START TRANSACTION READ ONLY')
      const query = conn.query({ sql, rowsAsArray: true })
      const stream = query.stream({ highWaterMark: batchRows })
      stream.on('error', () => {}) // read through the iterator below
      let fields: FieldPacket[]
      try {
        fields = await new Promise<FieldPacket[]>((resolve, reject) => {
          query.once('fields', (f: FieldPacket[]) => resolve(f))
          query.once('error', reject)
          query.once('end', () => resolve([]))
        })
      } catch (e) {
        await run('ROLLBACK').catch(() => {})
        throw e
      }
      const columns = fields.map((f) => f.name)
      const dated = fields.map((f) => dateTimeTypes.has(f.columnType ?? f.type ?? -1))
      async function* batches(): AsyncGenerator<(string | null)[][]> {
        let finished = false
        try {
          let batch: (string | null)[][] = []
          for await (const row of stream as AsyncIterable<unknown[]>) {
            batch.push(row.map((v, i) => (dated[i] && typeof v === 'string' ? v.replace(' ', 'T') : valueText(v, columns[i] ?? '', binaries))))
            if (batch.length === batchRows) {
              yield batch
              batch = []
            }
          }
          if (batch.length) yield batch
          finished = true
        } finally {
          // An abandoned result cannot be cut short on the wire: drop the connection instead.
          if (finished) await run('ROLLBACK')
          else conn.destroy()
        }
      }
      return { columns, batches: batches() }
    },

    close: () => conn.promise().end(),
  }
}
