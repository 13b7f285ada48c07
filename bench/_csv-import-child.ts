/**
 * Child process of bench/csv-import.ts: imports one CSV into a fresh workspace, prints seconds and peak RSS.
 * `seconds` is what the user waits for (until importSource resolves); `checkpointSeconds` is the
 * deferred WAL checkpoint that runs right after it on the same thread (sources/connection.ts);
 * `path` says whether rows went in packed (mods_cells extension) or as bound values.
 */
import { importSource } from '../src-main/core/sources'
import { nativeCellsUnavailable } from '../src-main/core/sources/native-cells'
import { createWorkspace } from '../src-main/core/workspace'

const [file, workspace] = process.argv.slice(2)
const ws = createWorkspace(workspace!, 'bench')
const started = performance.now()
const result = await importSource(ws, { filePath: file!, displayName: 'people.csv', options: {} }, { throwIfCancelled() {}, progress() {} }, { user: 'bench', role: 'administrator' })
const imported = performance.now()
// The checkpoint was queued with setImmediate before the import resolved, so this one runs after it.
await new Promise((resolve) => setImmediate(resolve))
const checkpointed = performance.now()
const wal = ws.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
if (wal[0]!.log !== wal[0]!.checkpointed) throw new Error(`The deferred checkpoint left ${wal[0]!.log - wal[0]!.checkpointed} WAL frames behind.`)
ws.close()
process.stdout.write(
  JSON.stringify({
    seconds: (imported - started) / 1000,
    checkpointSeconds: (checkpointed - imported) / 1000,
    rows: result.tables[0]?.rows ?? 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    path: nativeCellsUnavailable() === null ? 'packed' : 'bound',
  }) + '\n',
)
