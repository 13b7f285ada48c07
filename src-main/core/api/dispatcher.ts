/**
 * Every call from every front passes here: look up the method, validate its input with the
 * contract's schema, check the actor's role, run the handler, and turn failures into error
 * envelopes. Unexpected errors are logged locally and reported without details (no stack traces
 * or personal data cross the boundary).
 */
import { ApiError, apiMethods, isMethodName } from '../../contract'
import type { Envelope, MethodName } from '../../contract'
import type { AnyMethodSpec } from '../../contract/define'
import { handlers } from './handlers'
import type { Session } from './session'

export type Dispatch = (session: Session, method: string, input: unknown) => Promise<Envelope<unknown>>

function fail(error: ApiError): Envelope<unknown> {
  return { ok: false, error: error.toData() }
}

function zodMessage(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ')
}

export const dispatch: Dispatch = async (session, method, input) => {
  if (!isMethodName(method)) return fail(new ApiError('NOT_FOUND', `Unknown API method "${method}".`))
  const spec: AnyMethodSpec = apiMethods[method]
  if (!spec.roles.includes(session.actor.role)) {
    return fail(new ApiError('FORBIDDEN', `Your role (${session.actor.role}) may not do this (${method}).`))
  }
  const parsed = spec.input.safeParse(input ?? {})
  if (!parsed.success) return fail(new ApiError('VALIDATION', zodMessage(parsed.error.issues)))
  try {
    const handler = handlers[method] as (i: unknown, s: Session) => unknown
    return { ok: true, value: await handler(parsed.data, session) }
  } catch (err) {
    if (err instanceof ApiError) return fail(err)
    // Another connection (an import, another MODS Migrate) holds the write lock: a retryable state, not a fault.
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') {
      return fail(new ApiError('CONFLICT', 'The workspace is busy with another change (an import, perhaps); nothing was changed. Try again when it has finished.'))
    }
    // The raw error may hold paths or values from the data: it goes to the local log only.
    console.error(`[mods-migrate] ${method} failed:`, err)
    return fail(new ApiError('INTERNAL', `Something unexpected went wrong (${method}). The details were written to the application log; please report them.`))
  }
}

/** Typed convenience for engine-side callers (CLI, tests): throws ApiError on failure. */
export async function call<M extends MethodName>(
  session: Session,
  method: M,
  input: import('../../contract').MethodInput<M>,
): Promise<import('../../contract').MethodOutput<M>> {
  const envelope = await dispatch(session, method, input)
  if (!envelope.ok) {
    const { code, message, location, details } = envelope.error
    throw new ApiError(code, message, location, details)
  }
  return envelope.value as import('../../contract').MethodOutput<M>
}
