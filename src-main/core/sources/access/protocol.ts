/**
 * What the main thread asks the Access worker and what it answers. Each request gets exactly one
 * reply, so the main thread can put a time limit on every step (open, table, batch).
 */

export type AccessRequest =
  | { kind: 'open'; filePath: string }
  | { kind: 'table'; name: string }
  | { kind: 'batch'; name: string; offset: number }

/** A reading failure, in words for the data officer; the main thread adds the file name. */
export interface AccessFailure {
  reason: string
  sheet?: string
  row?: number
}

export interface AccessOpened {
  tables: string[]
  linked: string[]
}

export interface AccessTableInfo {
  columns: string[]
  rowCount: number
  columnCount: number
}

export interface AccessBatch {
  rows: (string | null)[][]
  /** Set on the table's last batch: notes about values that were not copied (binary data). */
  endWarnings: string[] | null
}

export type AccessReply =
  | { kind: 'open'; value: AccessOpened }
  | { kind: 'table'; value: AccessTableInfo }
  | { kind: 'batch'; value: AccessBatch }
  | { kind: 'failed'; failure: AccessFailure }
