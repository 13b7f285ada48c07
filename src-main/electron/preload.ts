/**
 * The sandboxed preload (bundled to one CommonJS file, no runtime dependencies): exposes exactly
 * `window.bridge = { invoke, onEvent }`. The method allowlist is the contract's method names,
 * baked in at build time by electron.vite.config.ts so the preload does not bundle the schemas.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

declare const __MODS_API_METHODS__: readonly string[]

contextBridge.exposeInMainWorld('bridge', createBridge(ipcRenderer, __MODS_API_METHODS__))
