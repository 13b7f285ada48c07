import type { MethodName, MethodOutput, ParsedInput } from '../../contract'
import type { Session } from './session'

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  session: Session,
) => Promise<MethodOutput<M>> | MethodOutput<M>

/** The handlers for one area's method map (`typeof xxxMethods`). */
export type AreaHandlers<Methods> = { [M in keyof Methods & MethodName]: Handler<M> }

export type Handlers = { [M in MethodName]: Handler<M> }
