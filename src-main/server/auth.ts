/**
 * Who may talk to the browser-mode server: only a page we served, on the loopback address, holding
 * this run's random token. Host is checked against DNS rebinding, Origin against other local web pages
 * (security.md §1, "WS test adapter").
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'

export const tokenHeader = 'x-mods-token'
export const tokenProtocolPrefix = 'token.'
export const eventsProtocol = 'mods-migrate.v1'

export function newToken(): string {
  return randomBytes(32).toString('hex')
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function hostAllowed(port: number, host: string | undefined): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase())
}

/** Browsers always send Origin on POST and WebSocket; non-browser clients (tests, scripts) may omit it. */
export function originAllowed(port: number, origin: string | undefined): boolean {
  if (origin === undefined) return true
  return allowedHosts(port).some((h) => origin === `http://${h}`)
}

/** The token a WebSocket client offers as a `token.<hex>` subprotocol. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  const offered = (header ?? '').split(',').map((p) => p.trim())
  return offered.find((p) => p.startsWith(tokenProtocolPrefix))?.slice(tokenProtocolPrefix.length)
}
