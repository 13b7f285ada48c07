import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBridgeTransport } from '../../src-renderer/src/api/bridge-transport'
import { createHttpTransport } from '../../src-renderer/src/api/http-transport'
import { takeToken } from '../../src-renderer/src/api/token'

const token = 'ab'.repeat(32)

afterEach(() => vi.unstubAllGlobals())

describe('token from the address', () => {
  it('keeps the token for this tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', `/#token=${token}`)
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe(token)
    expect(window.location.hash).toBe('')
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe(token)
  })
})

describe('HTTP transport', () => {
  it('sends the token with every call and returns the envelope', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] })))
    vi.stubGlobal('fetch', fetchMock)
    const t = createHttpTransport('http://127.0.0.1:5000', token)
    expect(await t.invoke('workspace.list', {})).toEqual({ ok: true, value: [] })
    expect(fetchMock).toHaveBeenCalledWith('http://127.0.0.1:5000/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mods-Token': token },
      body: '{"method":"workspace.list","input":{}}',
    })
  })

  it('turns a lost server into a plain-English error envelope', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')))
    const reply = await createHttpTransport('http://127.0.0.1:5000', token).invoke('workspace.list', {})
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('Check that "npm start" is still running') } })
  })
})

describe('Electron bridge transport', () => {
  it('sends dropped files as bytes and unwraps the handle', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { handle: 'f_1', name: 'a.csv', size: 3 } }))
    const t = createBridgeTransport({ invoke, onEvent: () => () => undefined })
    const granted = await t.upload(new File(['a,b'], 'a.csv'))
    expect(granted).toEqual({ handle: 'f_1', name: 'a.csv', size: 3 })
    expect(invoke).toHaveBeenCalledWith('files.upload', { name: 'a.csv', data: expect.any(Uint8Array) })
  })
})
