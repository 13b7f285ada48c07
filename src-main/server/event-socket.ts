/**
 * Pushes engine events (job progress, workspace changes) to the page over a WebSocket at
 * /api/events. Browsers cannot set headers on WebSockets, so the token travels as a
 * `token.<hex>` subprotocol; the handshake is refused without it, or from a foreign Origin or Host.
 */
import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Session } from '../core/api/session'
import { eventsProtocol, hostAllowed, originAllowed, tokenFromProtocols, tokenMatches } from './auth'

interface EventSocketOptions {
  port: number
  token: string
  session: Session
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

export function attachEventSocket(server: http.Server, options: EventSocketOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    handleProtocols: (protocols) => (protocols.has(eventsProtocol) ? eventsProtocol : false),
  })
  server.on('upgrade', (req, socket, head) => {
    const { port, token } = options
    if ((req.url ?? '').split('?', 1)[0] !== '/api/events') return refuse(socket, '404 Not Found')
    if (!hostAllowed(port, req.headers.host) || !originAllowed(port, req.headers.origin)) return refuse(socket, '403 Forbidden')
    if (!tokenMatches(token, tokenFromProtocols(req.headers['sec-websocket-protocol']))) return refuse(socket, '401 Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = options.session.onEvent((event) => ws.send(JSON.stringify(event)))
      ws.on('close', unsubscribe)
      // The page only listens; anything it sends is ignored.
      ws.on('message', () => undefined)
    })
  })
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  }
}
