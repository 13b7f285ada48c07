import type { ApiEvent } from './events'
import { ApiError } from './errors'
import type { Envelope } from './errors'
import type { MethodInput, MethodName, MethodOutput } from './index'

/** How a front talks to the engine: Electron IPC, WebSocket (browser mode) or in-process (tests, CLI). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  onEvent(listener: (event: ApiEvent) => void): () => void
}

/** A typed client over any transport; error envelopes become thrown `ApiError`s. */
export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const envelope = await transport.invoke(method, input)
      if (!envelope.ok) {
        const { code, message, location, details } = envelope.error
        throw new ApiError(code, message, location, details)
      }
      return envelope.value as MethodOutput<typeof method>
    },
    onEvent: (listener) => transport.onEvent(listener),
  }
}
