import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

type Handler = (event: unknown, method: unknown, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>
const mocks = vi.hoisted(() => ({
  handlers: new Map<string, unknown>(),
  exposed: new Map<string, unknown>(),
  showOpenDialog: vi.fn(),
}))

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: unknown) => mocks.handlers.set(channel, fn) },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showOpenDialog: mocks.showOpenDialog },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => mocks.exposed.set(key, api) },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}))

const { registerApiIpc } = await import('../../src-main/electron/ipc-adapter')
const { denyAllPermissions, lockDownContents } = await import('../../src-main/electron/security')
const { Session } = await import('../../src-main/core/api/session')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-ipc-'))
const session = new Session({ actor: { user: 't', role: 'administrator' }, workspacesDir: path.join(dir, 'ws'), front: 'test' })
const securityLog: string[] = []
const trusted = { senderFrame: { url: 'app://mods-migrate/index.html', parent: null }, sender: {} }
let invoke: Handler

beforeAll(() => {
  fs.mkdirSync(session.workspacesDir, { recursive: true })
  registerApiIpc(session, path.join(dir, 'dropped'), (m) => securityLog.push(m))
  invoke = mocks.handlers.get('api:invoke') as Handler
})
afterAll(() => {
  session.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('api:invoke IPC adapter', () => {
  it('refuses frames that are not our app:// top frame, and logs it', async () => {
    const fromData = await invoke({ senderFrame: { url: 'data:text/html,x', parent: null } }, 'workspace.list', {})
    expect(fromData).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const fromIframe = await invoke({ senderFrame: { url: 'app://mods-migrate/index.html', parent: {} } }, 'workspace.list', {})
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(securityLog[0]).toContain('untrusted frame data:text/html')
  })

  it('answers bad calls with error envelopes, never throwing', async () => {
    expect(await invoke(trusted, 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await invoke(trusted, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await invoke(trusted, 42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await invoke(trusted, 'workspace.create', { bad: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('forwards contract methods to the engine', async () => {
    expect(await invoke(trusted, 'workspace.create', { name: 'Oak Lodge' })).toMatchObject({ ok: true, value: { name: 'Oak Lodge' } })
    expect(await invoke(trusted, 'workspace.list', {})).toMatchObject({ ok: true, value: [{ name: 'Oak Lodge' }] })
  })

  it('grants handles for dialog-picked and dropped files, never returning paths', async () => {
    const picked = path.join(dir, 'residents.csv')
    fs.writeFileSync(picked, 'a,b\n1,2\n')
    mocks.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] })
    const pick = await invoke(trusted, 'files.pick', {})
    expect(pick).toEqual({ ok: true, value: [{ handle: expect.stringMatching(/^f_/), name: 'residents.csv', size: 8 }] })
    expect(JSON.stringify(pick)).not.toContain(dir)

    const dropped = await invoke(trusted, 'files.upload', { name: '../../contacts.csv', data: new TextEncoder().encode('x,y\n') })
    expect(dropped).toMatchObject({ ok: true, value: { name: 'contacts.csv', size: 4 } })
    const handle = (dropped.value as { handle: string }).handle
    expect(session.files.resolve(handle).path.startsWith(path.join(dir, 'dropped'))).toBe(true)
    expect(await invoke(trusted, 'files.upload', { name: 'x.csv', data: 'not bytes' })).toMatchObject({ ok: false })
  })
})

describe('window hardening', () => {
  it('prevents navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>()
    let openHandler: ((d: { url: string }) => { action: string }) | undefined
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    }
    const log: string[] = []
    lockDownContents(contents as never, (m) => log.push(m))
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      listeners.get(name)?.(event, 'https://example.invalid/?next=app://mods-migrate')
      expect(event.preventDefault).toHaveBeenCalled()
    }
    expect(openHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    expect(log).toContain('blocked navigation to https://example.invalid/?next=app://mods-migrate')
  })

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    denyAllPermissions({ setPermissionRequestHandler: (fn: typeof request) => (request = fn), setPermissionCheckHandler: (fn: typeof check) => (check = fn) } as never)
    const answer = vi.fn()
    request?.({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(check?.()).toBe(false)
  })
})

describe('preload', () => {
  it('exposes exactly { invoke, onEvent } as window.bridge', async () => {
    vi.stubGlobal('__MODS_API_METHODS__', ['workspace.list'])
    await import('../../src-main/electron/preload')
    expect([...mocks.exposed.keys()]).toEqual(['bridge'])
    expect(Object.keys(mocks.exposed.get('bridge') as object).sort()).toEqual(['invoke', 'onEvent'])
    vi.unstubAllGlobals()
  })
})
