/**
 * The one API contract shared by the engine, the three fronts and the renderer (types only there).
 * Each area keeps its methods in `methods/<area>.ts`; this file merges them and derives the types.
 */
import type { z } from 'zod'
import type { MethodSpec } from './define'
import { workspaceMethods } from './methods/workspace'
import { databasesMethods } from './methods/databases'
import { sourcesMethods } from './methods/sources'
import { profileMethods } from './methods/profile'
import { modsMethods } from './methods/mods'
import { mappingMethods } from './methods/mapping'
import { qualityMethods } from './methods/quality'
import { exportMethods } from './methods/export'

export const apiMethods = {
  ...workspaceMethods,
  ...databasesMethods,
  ...sourcesMethods,
  ...profileMethods,
  ...modsMethods,
  ...mappingMethods,
  ...qualityMethods,
  ...exportMethods,
} as const

export type ApiMethods = typeof apiMethods
export type MethodName = keyof ApiMethods
export type MethodInput<M extends MethodName> =
  ApiMethods[M] extends MethodSpec<infer I, unknown> ? z.input<I> : never
export type ParsedInput<M extends MethodName> =
  ApiMethods[M] extends MethodSpec<infer I, unknown> ? z.output<I> : never
export type MethodOutput<M extends MethodName> =
  ApiMethods[M] extends MethodSpec<z.ZodType, infer O> ? O : never

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiMethods, name)
}

export * from './errors'
export * from './events'
export * from './roles'
export type * from './methods/workspace'
export type * from './methods/databases'
export type * from './methods/sources'
export type * from './methods/profile'
export type * from './methods/quality'
export type * from './methods/export'
export type * from './methods/mods'
export type * from './methods/mapping'
export type { Transport, ApiClient } from './transport'
export { createClient } from './transport'
