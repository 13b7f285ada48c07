/** The import engine's public shapes (used by the API handlers, the CLI and other readers). */
import type { ReadOptions, SourceFormat } from './reader'

export interface ImportOptions extends ReadOptions {
  /** Force a reader instead of detecting the format. */
  format?: SourceFormat | undefined
  /** When a file with the same SHA-256 was already imported: refuse (default), replace it, or skip. */
  onDuplicate?: 'error' | 'replace' | 'skip' | undefined
  /**
   * Header of the column that identifies a row (e.g. "Resident ID"). With it, a newer export of
   * an imported source keeps each row's identity (`_row_id`) and the result reports what changed.
   */
  keyColumn?: string | undefined
  /** The source this file is a newer export of; by default the latest source with the same file name. */
  previousSourceId?: number | undefined
}

export type { ImportedTable, ImportResult, TableChanges } from '../../contract/methods/sources'

/** What the engine needs from a job: JobControl (core/api/session) satisfies this. */
export interface ImportJob {
  throwIfCancelled(): void
  progress(phase: string, fraction: number | null, extra?: { rows?: number; bytes?: number; message?: string }): void
}
