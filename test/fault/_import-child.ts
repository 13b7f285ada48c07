/** Child process for the kill test: imports a CSV (replacing any earlier copy), announces the start. */
import fs from 'node:fs'
import { importSource } from '../../src-main/core/sources'
import { openOrCreateWorkspace } from '../../src-main/core/workspace'

const [workspace, csv] = process.argv.slice(2)
const ws = openOrCreateWorkspace(workspace!)
fs.writeSync(2, 'started\n')
const result = await importSource(
  ws,
  { filePath: csv!, displayName: 'people.csv', options: { onDuplicate: 'replace' } },
  { throwIfCancelled() {}, progress() {} },
  { user: 'fault-test', role: 'administrator' },
)
ws.close()
fs.writeSync(1, `done ${result.tables[0]!.rows}\n`)
