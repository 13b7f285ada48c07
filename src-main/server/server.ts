/**
 * Browser mode: the engine behind a local HTTP + WebSocket server, for `npm start` without Electron
 * and for the end-to-end tests. Loopback only, random port, a fresh 32-byte token per run required
 * on every API request, Host and Origin checked, strict CSP on everything served. One Session per
 * server: the page is a single user's window onto their workspaces.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../core/api/dispatcher'
import { Session } from '../core/api/session'
import type { Actor } from '../core/api/session'
import { hostAllowed, newToken, originAllowed, tokenHeader, tokenMatches } from './auth'
import { attachEventSocket } from './event-socket'
import { BodyTooLarge, readJsonBody, sendError, sendJson } from './http-util'
import { mimeType, resolveStaticPath } from './static-files'
import { closeUploadRun, openUploadRun, purgeEndedUploads, receiveUpload, UploadTooLarge } from './uploads'
import { securityHeaders } from './web-security'

export interface ServerOptions {
  /** 0 (default) picks a free port. */
  port?: number
  workspacesDir: string
  /** The built renderer (out/renderer). */
  staticDir: string
  actor?: Actor
  maxUploadBytes?: number
}

export interface RunningServer {
  url: string
  token: string
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  pageUrl: string
  session: Session
  close(): Promise<void>
}

const maxInvokeBytes = 16 * 1024 * 1024
const defaultMaxUpload = 1024 * 1024 * 1024

function defaultActor(): Actor {
  return { user: os.userInfo().username || 'local user', role: 'administrator' }
}

interface Context {
  port: number
  token: string
  session: Session
  staticDir: string
  uploadsDir: string
  maxUploadBytes: number
  headers: Record<string, string>
}

function serveStatic(ctx: Context, req: IncomingMessage, res: ServerResponse): void {
  const file = resolveStaticPath(ctx.staticDir, req.url ?? '/')
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return sendError(res, 404, 'Not found.', ctx.headers)
  }
  const isPage = file.endsWith('.html')
  res.writeHead(200, {
    ...ctx.headers,
    'Content-Type': mimeType(file),
    'Cache-Control': isPage ? 'no-store' : 'max-age=3600',
  })
  if (req.method === 'HEAD') return void res.end()
  fs.createReadStream(file).pipe(res)
}

async function invoke(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown
  try {
    body = await readJsonBody(req, maxInvokeBytes)
  } catch (err) {
    return sendError(res, err instanceof BodyTooLarge ? 413 : 400, err instanceof BodyTooLarge ? err.message : 'The request was not valid JSON.', ctx.headers)
  }
  const { method, input } = (body ?? {}) as { method?: unknown; input?: unknown }
  if (typeof method !== 'string') return sendError(res, 400, 'The request names no API method.', ctx.headers)
  sendJson(res, 200, await dispatch(ctx.session, method, input), ctx.headers)
}

async function upload(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let name = 'upload'
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload'))
  } catch {
    // keep the neutral name; the bytes are still the user's file
  }
  try {
    const file = await receiveUpload(req, ctx.uploadsDir, name, ctx.maxUploadBytes)
    const granted = ctx.session.files.grant(file.path, file.name)
    sendJson(res, 200, { ok: true, value: { handle: granted.handle, name: file.name, size: file.size } }, ctx.headers)
  } catch (err) {
    if (err instanceof UploadTooLarge) return sendError(res, 413, `${err.message} Import it with the command line instead.`, ctx.headers)
    // The raw error may name the file: it goes to the local log only.
    console.error('[mods-migrate] upload failed:', err)
    sendError(res, 500, 'The file could not be received; please try again.', ctx.headers)
  }
}

function route(ctx: Context, req: IncomingMessage, res: ServerResponse): void {
  if (!hostAllowed(ctx.port, req.headers.host)) return sendError(res, 403, 'Unexpected Host header.', ctx.headers)
  const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/'
  if (!pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Method not allowed.', ctx.headers)
    return serveStatic(ctx, req, res)
  }
  if (!originAllowed(ctx.port, req.headers.origin)) return sendError(res, 403, 'Requests from other web pages are refused.', ctx.headers)
  const given = req.headers[tokenHeader]
  if (!tokenMatches(ctx.token, Array.isArray(given) ? given[0] : given)) {
    return sendError(res, 401, 'Missing or wrong access token. Open the address printed by "npm start".', ctx.headers)
  }
  if (req.method !== 'POST') return sendError(res, 405, 'Method not allowed.', ctx.headers)
  const handler = pathname === '/api/invoke' ? invoke : pathname === '/api/files' ? upload : null
  if (!handler) return sendError(res, 404, 'Not found.', ctx.headers)
  handler(ctx, req, res).catch(() => {
    if (!res.headersSent) sendError(res, 500, 'The request failed; please try again.', ctx.headers)
    else res.destroy()
  })
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  fs.mkdirSync(options.workspacesDir, { recursive: true })
  const token = newToken()
  const session = new Session({ actor: options.actor ?? defaultActor(), workspacesDir: options.workspacesDir, front: 'browser' })
  const uploadsRoot = path.join(options.workspacesDir, '.uploads')
  purgeEndedUploads(uploadsRoot)
  const uploadsDir = openUploadRun(uploadsRoot)
  const ctx: Context = {
    port: 0,
    token,
    session,
    staticDir: options.staticDir,
    uploadsDir,
    maxUploadBytes: options.maxUploadBytes ?? defaultMaxUpload,
    headers: {},
  }
  const server = http.createServer((req, res) => route(ctx, req, res))
  ctx.port = await listen(server, options.port ?? 0)
  ctx.headers = securityHeaders([`ws://127.0.0.1:${ctx.port}`, `ws://localhost:${ctx.port}`])
  const events = attachEventSocket(server, { port: ctx.port, token, session })
  const url = `http://127.0.0.1:${ctx.port}/`
  return {
    url,
    token,
    pageUrl: `${url}#token=${token}`,
    session,
    async close() {
      await events.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      session.close()
      closeUploadRun(uploadsDir)
    },
  }
}
