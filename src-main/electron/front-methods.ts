/**
 * Methods only the Electron front answers (not the engine): choosing files with the native dialog
 * and receiving dropped files' bytes. Both return opaque handles; the renderer never sees a path.
 */
export const frontMethods = ['files.pick', 'files.upload'] as const
export type FrontMethod = (typeof frontMethods)[number]

export interface GrantedFileInfo {
  handle: string
  name: string
  size: number
}

export function isFrontMethod(name: string): name is FrontMethod {
  return (frontMethods as readonly string[]).includes(name)
}
