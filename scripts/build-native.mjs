#!/usr/bin/env node
// Builds native/mods_cells.c, the SQLite extension that speeds up bulk imports (see
// docs/performance.md), into native/build/. Runs after `npm install`. It needs only a C compiler
// and SQLite's extension header, which better-sqlite3 ships; it does not depend on Node's or
// Electron's ABI, so the same file serves the CLI, the browser mode and the desktop app.
// Without a compiler the import still works, on the slower path; the install does not fail unless
// MODS_MIGRATE_REQUIRE_NATIVE=1 (CI sets it, so the fast path is always the one tested there).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const source = path.join(root, 'native', 'mods_cells.c')
const include = path.join(root, 'node_modules', 'better-sqlite3', 'deps', 'sqlite3')
const outDir = path.join(root, 'native', 'build')
const suffix = process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'
const output = path.join(outDir, `mods_cells.${suffix}`)

function compilerCommand() {
  // MSVC (untested here): objects and import libraries go next to the DLL, not into the project root.
  if (process.platform === 'win32') return ['cl', ['/nologo', '/O2', '/LD', `/I${include}`, `/Fo${outDir}${path.sep}`, source, `/Fe:${output}`, '/link', `/IMPLIB:${path.join(outDir, 'mods_cells.lib')}`]]
  const cc = process.env.CC || 'cc'
  const shared = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared']
  return [cc, ['-O2', '-fPIC', '-Wall', '-Wextra', ...shared, '-I', include, source, '-o', output]]
}

function build() {
  if (!fs.existsSync(path.join(include, 'sqlite3ext.h'))) return 'better-sqlite3 is not installed (no sqlite3ext.h)'
  fs.mkdirSync(outDir, { recursive: true })
  const temporary = `${output}.tmp`
  const [command, args] = compilerCommand()
  const result = spawnSync(command, args.map((a) => (a === output ? temporary : a.replace(output, temporary))), { stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.error) return `${command} could not be run (${result.error.message})`
  if (result.status !== 0) return `${command} exited with ${result.status}`
  fs.renameSync(temporary, output) // never leave a half-written library where the engine looks
  return null
}

const problem = build()
if (problem) {
  const required = process.env.MODS_MIGRATE_REQUIRE_NATIVE === '1'
  console.error(`mods-migrate: the fast import extension was not built: ${problem}.${required ? '' : ' Imports still work, more slowly.'}`)
  process.exit(required ? 1 : 0)
}
console.log(`mods-migrate: built ${path.relative(root, output)}`)
