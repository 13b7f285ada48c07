/**
 * Starts a reader's worker thread, whether the engine runs from source (tsx: the CLI and tests)
 * or from the electron-vite bundle, where each worker is its own entry (`<name>.cjs`, see
 * electron.vite.config.ts) written next to the main bundle.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'

const here = fileURLToPath(import.meta.url)
const fromSource = here.endsWith('.ts')

/**
 * tsx's ESM API as a file URL. Its exports map is read directly because `require.resolve` picks the
 * CommonJS build (which cannot register from an eval worker) and `import.meta.resolve` cannot be
 * bundled to CommonJS.
 */
function tsxApi(): string {
  const manifest = createRequire(here).resolve('tsx/package.json')
  const exported = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports
  return pathToFileURL(path.join(path.dirname(manifest), exported['./esm/api']!.import.default)).href
}

/** `sourcePath` is relative to core/sources without the extension ('access/worker'); `bundledName` the bundle entry's name. */
export function startWorker(sourcePath: string, bundledName: string, options: WorkerOptions): Worker {
  if (!fromSource) return new Worker(path.join(path.dirname(here), `${bundledName}.cjs`), options)
  // From source the worker must load TypeScript too: register tsx's loader in it, then load the entry.
  const entry = pathToFileURL(path.join(path.dirname(here), `${sourcePath}.ts`)).href
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}
