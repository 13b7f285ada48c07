/** What the live-database readers need from each driver (PostgreSQL, MySQL/MariaDB). */
import type { BinaryTally } from './values'
import type { DatabaseTable } from './settings'

export interface ListedTable extends DatabaseTable {
  /** The quoted, schema-qualified name to select from (taken from the catalogue, never from input). */
  from: string
}

export interface Cursor {
  columns: string[]
  /** Batches of rows already as text; ends the read-only transaction when done or abandoned. */
  batches: AsyncGenerator<(string | null)[][]>
}

export interface Driver {
  listTables(): Promise<ListedTable[]>
  /** Runs `sql` inside a READ ONLY transaction and streams its rows with a cursor. */
  openCursor(sql: string, binaries: BinaryTally): Promise<Cursor>
  close(): Promise<void>
}
