#!/usr/bin/env node
// Runs every benchmark in bench/*.ts (each exports `run()` returning named figures), prints them,
// and with --json prints all figures as one JSON object on the last line. `--only NAME` runs one.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const json = args.includes('--json')
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : null
const benchDir = path.join(root, 'bench')
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => !only || f.replace(/\.ts$/, '') === only)
  .sort()

const figures = {}
let failed = false
for (const file of files) {
  const name = file.replace(/\.ts$/, '')
  const started = Date.now()
  process.stderr.write(`\n== ${name} ==\n`)
  try {
    const mod = await import(pathToFileURL(path.join(benchDir, file)).href)
    const result = await mod.run()
    for (const [key, value] of Object.entries(result)) {
      figures[key] = value
      console.log(`${key.padEnd(28)} ${typeof value === 'number' ? Number(value.toFixed(3)) : value}`)
    }
  } catch (err) {
    failed = true
    figures[`${name}_error`] = String(err?.message ?? err)
    console.log(`${name} failed: ${err?.message ?? err}`)
  }
  process.stderr.write(`(${name} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
}
if (json) console.log(JSON.stringify(figures))
process.exitCode = failed ? 1 : 0
