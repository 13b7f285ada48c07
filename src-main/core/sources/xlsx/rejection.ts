import { ApiError, describeLocation } from '../../../contract/errors'
import type { ReaderContext } from '../reader'

/** IMPORT_REJECTED naming the file (and sheet/row when known), in words a data officer can act on. */
export function importRejected(ctx: Pick<ReaderContext, 'displayName'>, reason: string, where: { sheet?: string; row?: number } = {}): ApiError {
  const location = { file: ctx.displayName, ...where }
  return new ApiError('IMPORT_REJECTED', `Cannot import ${describeLocation(location)}: ${reason}.`, location)
}

/** A problem found while reading, before the file/sheet context is attached; `row` when known. */
export class ReaderProblem extends Error {
  constructor(
    message: string,
    readonly row?: number,
  ) {
    super(message)
  }
}
