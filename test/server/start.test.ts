/**
 * `npm start` on a machine without a usable Electron (like CI): it must fall back to browser mode,
 * say why, print the address with the token, and serve without a terminal until stopped.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const workspaces = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-start-'))
afterAll(() => fs.rmSync(workspaces, { recursive: true, force: true }))

describe('npm start', () => {
  it('falls back to browser mode, explains why, and serves the UI', async () => {
    const child = spawn(process.execPath, ['bin/start.mjs', '--port', '0', '--workspaces', workspaces], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: '' },
    })
    let output = ''
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 90_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/)#token=([0-9a-f]{64})/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
    })
    try {
      expect(output).toMatch(/Electron was not used: .+/)
      expect(output).toContain(`Workspaces folder: ${workspaces}`)
      const page = await fetch(address)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<title>MODS Migrate</title>')
      expect((await fetch(`${address}api/invoke`, { method: 'POST', body: '{}' })).status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
  })
})
