import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startServer } from '../../src-main/server/server'
import type { RunningServer } from '../../src-main/server/server'

let server: RunningServer
let dir: string
let port: number

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-server-'))
  const staticDir = path.join(dir, 'renderer')
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>MODS Migrate</title>')
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the build')
  server = await startServer({ workspacesDir: path.join(dir, 'ws'), staticDir, maxUploadBytes: 1000 })
  port = Number(new URL(server.url).port)
})

afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string; port?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port: opts.port ?? port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

function upload(target: RunningServer, name: string, body: string): Promise<Reply> {
  const headers = { 'x-mods-token': target.token, 'x-file-name': encodeURIComponent(name) }
  return request('/api/files', { method: 'POST', headers, body, port: Number(new URL(target.url).port) })
}

function invoke(method: string, input: unknown, headers: Record<string, string> = { 'x-mods-token': server.token }) {
  return request('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method, input }) })
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, with a 32-byte token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
    expect(server.pageUrl).toBe(`${server.url}#token=${server.token}`)
  })

  it('refuses connections on a non-loopback interface', async () => {
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)
    if (!external) return
    await expect(request('/', { host: external.address })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const page = await request('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('MODS Migrate')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval')
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(p)
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('outside the build')
    }
  })

  it('requires the token on API requests', async () => {
    expect((await invoke('workspace.list', {}, {})).status).toBe(401)
    expect((await invoke('workspace.list', {}, { 'x-mods-token': 'f'.repeat(64) })).status).toBe(401)
  })

  it('refuses a foreign Origin or Host even with the token', async () => {
    const foreign = await invoke('workspace.list', {}, { 'x-mods-token': server.token, origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    const rebound = await request('/api/invoke', { method: 'POST', headers: { host: 'evil.example', 'x-mods-token': server.token }, body: '{}' })
    expect(rebound.status).toBe(403)
  })

  it('runs API calls through the engine and returns envelopes', async () => {
    const created = await invoke('workspace.create', { name: 'Sunnyside' }, { 'x-mods-token': server.token, origin: server.url.slice(0, -1) })
    expect(created.status).toBe(200)
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Sunnyside', fileName: 'Sunnyside.modsws' } })
    const listed = JSON.parse((await invoke('workspace.list', {})).body) as { value: { name: string }[] }
    expect(listed.value.map((w) => w.name)).toEqual(['Sunnyside'])
    const bad = JSON.parse((await invoke('workspace.create', { name: '' })).body) as { ok: boolean; error: { code: string } }
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('stores an upload and grants a handle, never returning a path', async () => {
    const reply = await request('/api/files', {
      method: 'POST',
      headers: { 'x-mods-token': server.token, 'x-file-name': encodeURIComponent('../residents list.csv') },
      body: 'NHS,Name\n1,Ann\n',
    })
    expect(reply.status).toBe(200)
    const { value } = JSON.parse(reply.body) as { value: { handle: string; name: string; size: number } }
    expect(value).toEqual({ handle: expect.stringMatching(/^f_[0-9a-f]{24}$/), name: 'residents list.csv', size: 15 })
    expect(reply.body).not.toContain(dir)
    const granted = server.session.files.resolve(value.handle)
    expect(fs.readFileSync(granted.path, 'utf8')).toBe('NHS,Name\n1,Ann\n')
    expect(granted.path.startsWith(path.join(dir, 'ws'))).toBe(true)
  })

  it('trims a long file name to a byte budget, keeping whole characters and the extension', async () => {
    for (const [raw, stem] of [['é'.repeat(150) + '.csv', 'é'], ['a'.repeat(300) + '.xlsx', 'a']] as const) {
      const reply = await upload(server, raw, 'ID\n1\n')
      expect(reply.status).toBe(200)
      const { value } = JSON.parse(reply.body) as { value: { handle: string; name: string } }
      const ext = raw.slice(raw.lastIndexOf('.'))
      expect(value.name).toBe(stem.repeat((200 - ext.length) / Buffer.byteLength(stem) | 0) + ext)
      expect(fs.readFileSync(server.session.files.resolve(value.handle).path, 'utf8')).toBe('ID\n1\n')
    }
  })

  it('refuses an upload over the size cap and keeps nothing', async () => {
    const reply = await request('/api/files', { method: 'POST', headers: { 'x-mods-token': server.token, 'x-file-name': 'big.csv' }, body: Buffer.alloc(2000, 65) })
    expect(reply.status).toBe(413)
    const uploads = path.join(dir, 'ws', '.uploads')
    const kept = fs.readdirSync(uploads, { recursive: true }).map(String).filter((f) => f.endsWith('big.csv'))
    expect(kept).toEqual([])
  })

  it('pushes engine events over the WebSocket to token holders only', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, ['mods-migrate.v1', `token.${server.token}`])
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const received = new Promise<string>((resolve) => ws.once('message', (data: Buffer) => resolve(data.toString())))
    server.session.emit({ type: 'workspace.changed', area: 'sources' })
    expect(JSON.parse(await received)).toEqual({ type: 'workspace.changed', area: 'sources' })
    ws.close()

    const refused = async (protocols: string[], headers: Record<string, string> = {}) => {
      const bad = new WebSocket(`ws://127.0.0.1:${port}/api/events`, protocols, { headers })
      return new Promise<string>((resolve) => bad.once('error', (err) => resolve(err.message)))
    }
    expect(await refused(['mods-migrate.v1'])).toMatch(/401/)
    expect(await refused(['mods-migrate.v1', `token.${server.token}`], { origin: 'http://evil.example' })).toMatch(/403/)
  })
})

describe('upload folders of ended runs', () => {
  it('are deleted when a server starts, without touching live runs or following links', async () => {
    const uploads = path.join(dir, 'ws', '.uploads')
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-outside-'))
    fs.writeFileSync(path.join(outside, 'keep.csv'), 'not ours')
    const crashed = path.join(uploads, '999999999-0123456789abcdef', 'a1b2')
    const olderNaming = path.join(uploads, '0123456789abcdef', 'c3d4')
    const otherLiveProcess = path.join(uploads, `${process.ppid}-fedcba9876543210`)
    for (const folder of [crashed, olderNaming, otherLiveProcess]) fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(crashed, 'residents.csv'), 'NHS,Name\n1,Ann\n')
    fs.writeFileSync(path.join(olderNaming, 'residents.csv'), 'NHS,Name\n1,Ann\n')
    fs.symlinkSync(outside, path.join(crashed, 'link'))

    const second = await startServer({ workspacesDir: path.join(dir, 'ws'), staticDir: path.join(dir, 'renderer') })
    try {
      expect(fs.existsSync(path.dirname(crashed))).toBe(false)
      expect(fs.existsSync(path.dirname(olderNaming))).toBe(false)
      expect(fs.existsSync(otherLiveProcess)).toBe(true)
      expect(fs.readFileSync(path.join(outside, 'keep.csv'), 'utf8')).toBe('not ours')
      for (const running of [server, second]) expect((await upload(running, 'list.csv', 'ID\n1\n')).status).toBe(200)
    } finally {
      await second.close()
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('upload failures on our side', () => {
  it('answer INTERNAL, not VALIDATION', async () => {
    const broken = await startServer({ workspacesDir: path.join(dir, 'broken-ws'), staticDir: path.join(dir, 'renderer') })
    const first = JSON.parse((await upload(broken, 'list.csv', 'ID\n1\n')).body) as { value: { handle: string } }
    const runDir = path.dirname(path.dirname(broken.session.files.resolve(first.value.handle).path))
    fs.rmSync(runDir, { recursive: true })
    fs.writeFileSync(runDir, 'a file where the run folder belongs')
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const reply = await upload(broken, 'list.csv', 'ID\n1\n')
      expect(reply.status).toBe(500)
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The file could not be received; please try again.' } })
    } finally {
      log.mockRestore()
      fs.rmSync(runDir)
      await broken.close()
    }
  })
})
