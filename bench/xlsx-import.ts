/**
 * XLSX import speed against a bare exceljs streaming read of every cell (the target is at most
 * 1.25× its time, and at most 300 MB peak RSS), on 100,000 synthetic people × 15 columns written
 * into .bench/ by exceljs's streaming writer with shared strings, as Excel saves them. Each side
 * runs in its own child process so its peak RSS is its own; best of three, interleaved.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchDir, family, given, root, towns } from './_synthetic'
import ExcelJS from 'exceljs'

const rows = 100_000


async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet('Residents')
  ws.columns = [
    { header: 'Resident ID' }, { header: 'NHS Number' }, { header: 'Title' }, { header: 'Given Name' }, { header: 'Family Name' },
    { header: 'Date of Birth', style: { numFmt: 'dd/mm/yyyy' } }, { header: 'Gender' }, { header: 'Address 1' }, { header: 'Town' },
    { header: 'Postcode' }, { header: 'Telephone' }, { header: 'Email' }, { header: 'GP Practice' },
    { header: 'Admission Date', style: { numFmt: 'dd/mm/yyyy' } }, { header: 'Weight kg' },
  ]
  for (let i = 1; i <= rows; i++) {
    ws.addRow([
      `R${String(i).padStart(7, '0')}`, String(9_000_000_000 + i * 7), 'Mx', given[i % given.length], family[(i * 7) % family.length],
      new Date(Date.UTC(1930 + (i % 60), i % 12, (i % 28) + 1)), i % 2 ? 'Female' : 'Male', `${i % 200} High Street`, towns[i % towns.length],
      `LS${i % 30} ${i % 9}AB`, `07700 ${900000 + (i % 1000)}`, `p${i}@example.org`, `B${82000 + (i % 500)}`,
      new Date(Date.UTC(2024, i % 9, 15)), 50 + (i % 400) / 10,
    ]).commit()
  }
  ws.commit()
  await wb.commit()
}

function child(args: string[]): { seconds: number; rows: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', '_xlsx-import-child.ts'), ...args], { cwd: root, encoding: 'utf8' })
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; rows: number; maxRssMb: number }
  if (result.rows !== rows + 1) throw new Error(`${args[0]} read ${result.rows} rows, expected ${rows + 1} (with the header).`)
  return result
}

function oursOnce(xlsx: string) {
  const ws = path.join(benchDir, 'bench-xlsx.modsws')
  const clean = () => ['', '-wal', '-shm'].forEach((s) => fs.rmSync(ws + s, { force: true }))
  clean()
  try {
    return child(['ours', xlsx, ws])
  } finally {
    clean()
  }
}

export async function run(): Promise<Record<string, number | string>> {
  fs.mkdirSync(benchDir, { recursive: true })
  const xlsx = path.join(benchDir, 'people-100k.xlsx')
  if (!fs.existsSync(xlsx)) await generate(xlsx)
  // Interleaved, so a busy neighbour slows both sides alike.
  const bare: ReturnType<typeof child>[] = []
  const ours: ReturnType<typeof child>[] = []
  for (let i = 0; i < 3; i++) {
    bare.push(child(['exceljs', xlsx]))
    ours.push(oursOnce(xlsx))
  }
  const exceljsSeconds = Math.min(...bare.map((b) => b.seconds))
  const oursSeconds = Math.min(...ours.map((o) => o.seconds))
  return {
    xlsx_rows: rows,
    xlsx_exceljs_s: exceljsSeconds,
    xlsx_ours_s: oursSeconds,
    xlsx_vs_exceljs: oursSeconds / exceljsSeconds,
    xlsx_peak_rss_mb: Math.max(...ours.map((o) => o.maxRssMb)),
    xlsx_exceljs_peak_rss_mb: Math.max(...bare.map((b) => b.maxRssMb)),
  }
}
