/** Small response helpers for the browser-mode server. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode } from '../contract/errors'

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/** The contract's code for an HTTP refusal, so the page can tell a bad request from our own failure. */
function errorCode(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  return status >= 500 ? 'INTERNAL' : 'VALIDATION'
}

/** A refusal the page can show: plain words, no internals. */
export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  sendJson(res, status, { ok: false, error: { code: errorCode(status), message } }, headers)
}

export class BodyTooLarge extends Error {}

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw new BodyTooLarge('The request is too large.')
    chunks.push(chunk as Buffer)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
}
