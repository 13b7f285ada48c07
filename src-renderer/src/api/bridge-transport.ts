/** Electron transport: the preload's `window.bridge`; dropped files travel as bytes, the dialog as handles. */
import type { ApiEvent, Envelope, Transport } from '../../../src-main/contract'
import type { FileGateway, GrantedFile } from './files'

export interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
}

declare global {
  interface Window {
    bridge?: Bridge
  }
}

async function unwrap<T>(promise: Promise<unknown>): Promise<T> {
  const envelope = (await promise) as Envelope<T>
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value
}

export function createBridgeTransport(bridge: Bridge): Transport & FileGateway {
  return {
    invoke: (method, input) => bridge.invoke(method, input) as Promise<Envelope<unknown>>,
    onEvent: (listener) => bridge.onEvent((event) => listener(event as ApiEvent)),
    async upload(file) {
      const data = new Uint8Array(await file.arrayBuffer())
      return unwrap<GrantedFile>(bridge.invoke('files.upload', { name: file.name, data }))
    },
    pick: () => unwrap<GrantedFile[]>(bridge.invoke('files.pick', {})),
  }
}
