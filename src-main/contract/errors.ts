/**
 * Error codes every front understands. Errors cross the API boundary as plain data:
 * never a stack trace, never personal data (security.md §1).
 */
export const errorCodes = [
  'VALIDATION', // the input did not match the method's schema
  'NOT_FOUND', // a workspace, table, file handle or record does not exist
  'FORBIDDEN', // the actor's role may not call this method
  'NO_WORKSPACE', // the method needs an open workspace
  'IMPORT_REJECTED', // a source file could not be read; details name file/sheet/row/column
  'CONFLICT', // e.g. the same file was already imported
  'CANCELLED', // the caller cancelled the job
  'EXPORT_BLOCKED', // export refused: invalid resources or unsigned safety-critical errors
  'WORKSPACE_INVALID', // the workspace file is corrupt, newer than this app, or out of sync
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** Where in a source a problem was found: enough for a data officer to open the file and look. */
export interface SourceLocation {
  file?: string
  sheet?: string
  row?: number
  column?: string
}

export interface ApiErrorData {
  code: ErrorCode
  message: string
  location?: SourceLocation
  details?: Record<string, unknown>
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }

/** Thrown inside the engine; the dispatcher turns it into an error envelope. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly location: SourceLocation | undefined
  readonly details: Record<string, unknown> | undefined
  constructor(code: ErrorCode, message: string, location?: SourceLocation, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.location = location
    this.details = details
  }
  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, message: this.message }
    if (this.location) data.location = this.location
    if (this.details) data.details = this.details
    return data
  }
}

/** "file.xlsx, sheet Residents, row 12, column DOB" — used in every import/validation message. */
export function describeLocation(loc: SourceLocation): string {
  const parts: string[] = []
  if (loc.file) parts.push(loc.file)
  if (loc.sheet) parts.push(`sheet ${loc.sheet}`)
  if (loc.row !== undefined) parts.push(`row ${loc.row}`)
  if (loc.column) parts.push(`column ${loc.column}`)
  return parts.join(', ')
}
