#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary can run here, otherwise browser mode
// (the local server plus your own browser). `--browser` forces browser mode; `--port N` and
// `--workspaces DIR` apply to browser mode.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)

/** The Electron binary path, or the reason it cannot be used. Never triggers electron's lazy download. */
function findElectron() {
  let pkgDir
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed.' }
  }
  const pathFile = path.join(pkgDir, 'path.txt')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron'
  const binary = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative)
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display (DISPLAY is not set).' }
  }
  if (!override && !fs.existsSync(pathFile)) {
    const failure = downloadElectron(pkgDir)
    if (failure) return { reason: failure }
    return findElectronAfterDownload(pkgDir)
  }
  if (!fs.existsSync(binary)) return { reason: `the Electron binary is missing at ${binary}.` }
  return { binary }
}

/** First start: fetch Electron's binary with its own installer; null on success, else the reason. */
function downloadElectron(pkgDir) {
  if (process.env.MODS_MIGRATE_NO_ELECTRON_DOWNLOAD) return 'the Electron binary has not been downloaded, and downloading is switched off (MODS_MIGRATE_NO_ELECTRON_DOWNLOAD).'
  console.log('Downloading Electron for the first start (about 100 MB)…')
  const run = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 })
  if (run.status === 0) return null
  const detail = String(run.stderr ?? '').split('\n').find((l) => /error/i.test(l))?.trim() ?? `exit ${run.status ?? run.signal}`
  return `the Electron binary could not be downloaded (${detail.slice(0, 200)}).`
}

function findElectronAfterDownload(pkgDir) {
  const pathFile = path.join(pkgDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return { reason: 'the Electron download finished without a binary.' }
  return { binary: path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) }
}

/** Starts Electron; resolves with a reason if it fails within the first seconds, else never. */
function runElectron(binary) {
  if (!fs.existsSync(path.join(root, 'out/main/index.cjs'))) {
    const built = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
    if (built.status !== 0) return Promise.resolve('the desktop build failed (see the messages above).')
  }
  return new Promise((resolve) => {
    const child = spawn(binary, [root], { stdio: 'inherit' })
    const startedAt = Date.now()
    child.on('error', (err) => resolve(`the Electron binary could not start (${err.message}).`))
    child.on('exit', (code, signal) => {
      if (Date.now() - startedAt < 5000 && code !== 0) resolve(`Electron exited at once (${signal ?? `code ${code}`}).`)
      else process.exit(code ?? 0)
    })
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  })
}

async function main() {
  let why = 'browser mode was asked for (--browser).'
  if (!argv.includes('--browser')) {
    const found = findElectron()
    why = found.binary ? await runElectron(found.binary) : found.reason
  }
  const { register } = await import('tsx/esm/api')
  register()
  const { runBrowserMode } = await import('../src-main/server/start-browser.ts')
  await runBrowserMode(argv.filter((a) => a !== '--browser'), why)
}

main().catch((err) => {
  console.error(`MODS Migrate could not start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
