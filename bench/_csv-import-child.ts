/** Child process of bench/csv-import.ts: imports one CSV into a fresh workspace, prints seconds and peak RSS. */
import { importSource } from '../src-main/core/sources'
import { createWorkspace } from '../src-main/core/workspace'

const [file, workspace] = process.argv.slice(2)
const ws = createWorkspace(workspace!, 'bench')
const started = performance.now()
const result = await importSource(ws, { filePath: file!, displayName: 'people.csv', options: {} }, { throwIfCancelled() {}, progress() {} }, { user: 'bench', role: 'administrator' })
const seconds = (performance.now() - started) / 1000
ws.close()
process.stdout.write(JSON.stringify({ seconds, rows: result.tables[0]?.rows ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
