/**
 * Browser-mode transport: API calls as POST /api/invoke, uploads as POST /api/files, engine events
 * over a WebSocket that reconnects if the connection drops. Every request carries the run's token.
 */
import type { ApiEvent, Envelope, Transport } from '../../../src-main/contract'
import type { FileGateway, GrantedFile } from './files'

const networkError = (what: string): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `Could not reach MODS Migrate (${what}). Check that "npm start" is still running, then reload the page.` },
})

async function readEnvelope(res: Response): Promise<Envelope<unknown>> {
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    return networkError(`HTTP ${res.status}`)
  }
}

export function createHttpTransport(origin: string, token: string): Transport & FileGateway {
  const listeners = new Set<(event: ApiEvent) => void>()
  let socket: WebSocket | null = null

  const connect = () => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/events`, ['mods-migrate.v1', `token.${token}`])
    ws.onmessage = (msg) => {
      const event = JSON.parse(String(msg.data)) as ApiEvent
      for (const l of listeners) l(event)
    }
    ws.onclose = () => {
      socket = null
      if (listeners.size > 0) setTimeout(connect, 1000)
    }
    socket = ws
  }

  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Mods-Token': token },
          body: JSON.stringify({ method, input }),
        })
        return await readEnvelope(res)
      } catch {
        return networkError('network error')
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      if (!socket) connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) socket?.close()
      }
    },
    async upload(file: File): Promise<GrantedFile> {
      const res = await fetch(`${origin}/api/files`, {
        method: 'POST',
        headers: { 'X-Mods-Token': token, 'X-File-Name': encodeURIComponent(file.name) },
        body: file,
      })
      const envelope = await readEnvelope(res)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.value as GrantedFile
    },
  }
}
