/**
 * Layer rules from docs/architecture.md, checked on every import statement: the engine never
 * reaches Electron, React or the fronts; the contract imports only zod; the renderer only the
 * contract and browser packages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { builtinModules } from 'node:module'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!)
  return specs
}

/** Resolves a relative import to a repo-relative path; packages stay as written. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec
}

interface Violation {
  file: string
  spec: string
}

function violations(dir: string, forbidden: (t: string) => boolean): Violation[] {
  return sourceFiles(path.join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(target(file, spec)))
      .map((spec) => ({ file: path.relative(root, file), spec })),
  )
}

const uiPackages = (t: string) => /^(electron|react|react-dom|@mantine\/|@tanstack\/react)/.test(t)
const nodeBuiltin = (t: string) => t.startsWith('node:') || builtinModules.includes(t)
const fronts = (t: string) => /^src-(renderer|main\/(electron|server|cli))(\/|$)/.test(t)

describe('layer rules', () => {
  it('the contract imports only zod and itself', () => {
    expect(violations('src-main/contract', (t) => !(t === 'zod' || t.startsWith('src-main/contract')))).toEqual([])
  })

  it('the engine never imports Electron, React, Mantine or any front', () => {
    expect(violations('src-main/core', (t) => uiPackages(t) || fronts(t))).toEqual([])
  })

  it('the CLI and the local server do not import Electron or UI code', () => {
    const bad = (t: string) => uiPackages(t) || /^src-(renderer|main\/electron)/.test(t)
    expect([...violations('src-main/cli', bad), ...violations('src-main/server', bad)]).toEqual([])
  })

  it('the renderer imports only the contract, its own code and browser packages', () => {
    const bad = (t: string) =>
      nodeBuiltin(t) || t === 'electron' || t === 'better-sqlite3' || (t.startsWith('src-main') && !t.startsWith('src-main/contract'))
    expect(violations('src-renderer', bad)).toEqual([])
  })

  it('the rule checker sees real imports (guards against a vacuous pass)', () => {
    const engineImports = sourceFiles(path.join(root, 'src-main/core')).flatMap((f) => importsOf(f))
    expect(engineImports).toContain('better-sqlite3')
  })
})
