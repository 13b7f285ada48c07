import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { appResponse } from '../../src-main/electron/app-protocol'
import { createBridge } from '../../src-main/electron/bridge'
import { isTrustedSender } from '../../src-main/electron/sender'
import { secureWebPreferences } from '../../src-main/electron/web-preferences'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-electron-'))
const rendererDir = path.join(dir, 'renderer')
fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<title>ok</title>')
fs.writeFileSync(path.join(dir, 'main.js'), 'secret')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('webPreferences', () => {
  it('sets every security switch explicitly', () => {
    expect(secureWebPreferences('/p/index.cjs')).toEqual({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    })
  })
})

describe('app:// protocol', () => {
  const get = (url: string, method = 'GET') => appResponse({ url, method }, rendererDir)

  it('serves the renderer with the CSP header', async () => {
    const res = get('app://mods-migrate/index.html')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<title>ok</title>')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'")
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it.each([
    'app://mods-migrate/../main.js',
    'app://mods-migrate/%2e%2e/main.js',
    'app://mods-migrate/assets/%2E%2E/%2e%2e/main.js',
    'app://mods-migrate/..%5cmain.js',
    'app://mods-migrate/%00index.html',
  ])('refuses traversal %s', async (url) => {
    const res = get(url)
    expect([403, 404]).toContain(res.status)
    expect(await res.text()).not.toContain('secret')
  })

  it('refuses other hosts, credentials and non-GET methods', () => {
    expect(get('app://evil/index.html').status).toBe(403)
    expect(get('app://user:pw@mods-migrate/index.html').status).toBe(403)
    expect(get('app://mods-migrate/index.html', 'POST').status).toBe(405)
  })
})

describe('IPC sender validation', () => {
  it('accepts only our app:// top frame', () => {
    expect(isTrustedSender({ url: 'app://mods-migrate/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'app://mods-migrate/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'app://mods-migrate.evil.example/index.html', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'data:text/html,<p>x', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })
})

describe('preload bridge', () => {
  it('refuses names outside the allowlist before any IPC call', async () => {
    const ipc = { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() }
    const bridge = createBridge(ipc, ['workspace.list'])
    await expect(bridge.invoke('__proto__', {})).rejects.toThrow('"__proto__" is not an API method.')
    await expect(bridge.invoke('no.such.method', {})).rejects.toThrow(/not an API method/)
    expect(ipc.invoke).not.toHaveBeenCalled()
    await expect(bridge.invoke('workspace.list', {})).resolves.toEqual({ ok: true, value: 1 })
    expect(ipc.invoke).toHaveBeenCalledWith('api:invoke', 'workspace.list', {})
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('delivers events without exposing the IPC event object, and unsubscribes', () => {
    let registered: ((e: unknown, p: unknown) => void) | undefined
    const ipc = { invoke: vi.fn(), on: vi.fn((_c: string, l: (e: unknown, p: unknown) => void) => (registered = l)), removeListener: vi.fn() }
    const seen: unknown[] = []
    const off = createBridge(ipc, []).onEvent((e) => seen.push(e))
    registered?.({ sender: 'internal' }, { type: 'workspace.changed', area: 'sources' })
    expect(seen).toEqual([{ type: 'workspace.changed', area: 'sources' }])
    off()
    expect(ipc.removeListener).toHaveBeenCalledWith('api:event', registered)
  })
})
