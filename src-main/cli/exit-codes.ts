/** Exit codes of `mods-migrate`, documented in the README. */
import type { ErrorCode } from '../contract/errors'

export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  rejectedInput: 3,
  notFound: 4,
  blocked: 5,
  cancelled: 130,
} as const

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'IMPORT_REJECTED':
    case 'WORKSPACE_INVALID':
    case 'CONFLICT':
      return exitCodes.rejectedInput
    case 'NOT_FOUND':
    case 'NO_WORKSPACE':
      return exitCodes.notFound
    case 'EXPORT_BLOCKED':
    case 'FORBIDDEN':
      return exitCodes.blocked
    case 'CANCELLED':
      return exitCodes.cancelled
    default:
      return exitCodes.failure
  }
}
