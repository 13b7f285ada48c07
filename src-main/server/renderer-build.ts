/**
 * The renderer's Vite configuration (shared with electron.vite.config.ts) and a renderer-only
 * build for browser mode and the e2e suite, so they need neither the Electron binary nor a full
 * main/preload build. A Content-Security-Policy <meta> tag is injected at build time as a second
 * line of defence behind the response headers (the dev server's React refresh needs inline script).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin, UserConfig } from 'vite'
import { contentSecurityPolicy } from './web-security'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const rendererSourceDir = path.join(projectRoot, 'src-renderer')
export const rendererOutDir = path.join(projectRoot, 'out/renderer')

function cspMetaTag(): Plugin {
  return {
    name: 'mods-migrate-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy([], { forMetaTag: true }) }, injectTo: 'head-prepend' },
    ],
  }
}

export function rendererViteConfig(): UserConfig {
  return {
    root: rendererSourceDir,
    base: './',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: rendererOutDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: path.join(rendererSourceDir, 'index.html') },
    },
  }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

/** True when out/renderer is missing or older than any renderer or contract source. */
export function rendererBuildIsStale(): boolean {
  const built = path.join(rendererOutDir, 'index.html')
  if (!fs.existsSync(built)) return true
  const sources = Math.max(newestMtime(rendererSourceDir), newestMtime(path.join(projectRoot, 'src-main/contract')))
  return fs.statSync(built).mtimeMs < sources
}

const lockDir = path.join(projectRoot, 'out', '.renderer-build.lock')
const staleLockMs = 5 * 60_000

/** One builder at a time across processes (tests and `npm start` may start together): mkdir is atomic. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > staleLockMs) fs.rmSync(lockDir, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await work()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}

export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  if (!rendererBuildIsStale()) return rendererOutDir
  await withBuildLock(async () => {
    if (!rendererBuildIsStale()) return // another process built it while we waited
    log('Building the user interface (one moment)…')
    const { build } = await import('vite')
    await build({ ...rendererViteConfig(), configFile: false, logLevel: 'warn' })
  })
  return rendererOutDir
}
