/**
 * What the preload exposes as `window.bridge`: `invoke` for allow-listed method names and `onEvent`.
 * Kept free of Electron imports so it can be unit-tested with a fake ipcRenderer.
 */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

export interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
}

export const invokeChannel = 'api:invoke'
export const eventChannel = 'api:event'

export function createBridge(ipc: BridgeIpc, allowedMethods: readonly string[]): Bridge {
  const allowed = new Set(allowedMethods)
  return Object.freeze({
    invoke(method: string, input: unknown): Promise<unknown> {
      if (typeof method !== 'string' || !allowed.has(method)) {
        return Promise.reject(new Error(`"${String(method)}" is not an API method.`))
      }
      return ipc.invoke(invokeChannel, method, input)
    },
    onEvent(listener: (event: unknown) => void): () => void {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload)
      ipc.on(eventChannel, wrapped)
      return () => {
        ipc.removeListener(eventChannel, wrapped)
      }
    },
  })
}
