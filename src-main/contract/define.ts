import type { z } from 'zod'
import type { Role } from './roles'

/**
 * One API method: its input schema (validated at every boundary), the roles allowed to call it,
 * and its output type (a phantom: the engine is trusted to return it).
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I
  roles: readonly Role[]
  /** Plain-English summary; doubles as API documentation. */
  doc: string
  /** Marks methods that change the workspace, so the dispatcher audits them. */
  mutates: boolean
  readonly __output?: O
}

/** `method<Output>()({ input, roles, doc, mutates })`: the output type is given explicitly. */
export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, '__output'>): MethodSpec<I, O> => spec
}

export type AnyMethodSpec = MethodSpec<z.ZodType, unknown>
