/**
 * Finds the `resources/` folder (MODS catalogue, code lists, rules, samples) whether we run from
 * source (tsx, vitest), from the electron-vite bundle, or from a packaged app
 * (which sets MODS_MIGRATE_RESOURCES to its resources path).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | null = null

export function resourcesDir(): string {
  if (cached) return cached
  const fromEnv = process.env.MODS_MIGRATE_RESOURCES
  const candidates = fromEnv ? [fromEnv] : []
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources'))
    dir = path.dirname(dir)
  }
  candidates.push(path.join(process.cwd(), 'resources'))
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'mods')))
  if (!found) throw new Error(`MODS Migrate resources not found (looked in ${candidates.join(', ')})`)
  cached = found
  return found
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts)
}

export function readResourceJson(...parts: string[]): unknown {
  return JSON.parse(fs.readFileSync(resourcePath(...parts), 'utf8'))
}
