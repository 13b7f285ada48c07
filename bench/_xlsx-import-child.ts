/**
 * Child process of bench/xlsx-import.ts, so each measurement has its own peak RSS.
 * `exceljs FILE`: a bare exceljs streaming read touching every cell. `ours FILE WORKSPACE`: our import.
 */
import ExcelJS from 'exceljs'
import { importSource } from '../src-main/core/sources'
import { createWorkspace } from '../src-main/core/workspace'

const [mode, file, workspace] = process.argv.slice(2)

async function bareExceljs(): Promise<number> {
  let rows = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file!, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      let cells = 0
      row.eachCell(() => cells++)
      if (cells > 0) rows++
    }
  }
  return rows
}

async function ours(): Promise<number> {
  const ws = createWorkspace(workspace!, 'bench')
  const result = await importSource(ws, { filePath: file!, displayName: 'people.xlsx', options: {} }, { throwIfCancelled() {}, progress() {} }, { user: 'bench', role: 'administrator' })
  ws.close()
  return result.tables.reduce((n, t) => n + t.rows + (t.headerRow ? 1 : 0), 0)
}

const started = performance.now()
const rows = mode === 'exceljs' ? await bareExceljs() : await ours()
const seconds = (performance.now() - started) / 1000
process.stdout.write(JSON.stringify({ seconds, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
