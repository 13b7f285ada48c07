/**
 * electron-vite build: main (CommonJS, native and engine dependencies external, plus the reader
 * worker threads as their own entries: see src-main/core/sources/worker-entry.ts), preload (one
 * self-contained CommonJS file, as the sandbox requires) and the renderer (shared with browser mode).
 */
import { defineConfig } from 'electron-vite'
import { apiMethods } from './src-main/contract'
import { frontMethods } from './src-main/electron/front-methods'
import { rendererViteConfig } from './src-main/server/renderer-build'

const allowedMethods = [...Object.keys(apiMethods), ...frontMethods]

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // mdb-reader is ESM-only: required from CommonJS, its default export would be its whole namespace.
      externalizeDeps: { exclude: ['mdb-reader'] },
      rollupOptions: {
        input: { index: 'src-main/electron/main.ts', 'access-worker': 'src-main/core/sources/access/worker.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    define: { __MODS_API_METHODS__: JSON.stringify(allowedMethods) },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src-main/electron/preload.ts' },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererViteConfig(),
})
