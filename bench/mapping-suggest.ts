/**
 * Mapping suggestion quality and speed. Accuracy: the labelled legacy headers in
 * test/fixtures/mapping-headers.json, grouped into their sheets, each column's top suggestion
 * (top-1) or first three (top-3) against the label; a null label is right when the column is left
 * unmapped. Speed: suggestions for a 50-column sheet of 100,000 rows (values are sampled).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mapThreshold, suggestTable } from '../src-main/core/mapping'
import { createWorkspace } from '../src-main/core/workspace'
import type { Workspace } from '../src-main/core/workspace'
import { createRawTable } from '../test/helpers/raw-table'

interface Entry {
  vendor: string
  sheet: string
  header: string
  values: string[]
  expected: string | null
}

function groups(entries: Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>()
  for (const e of entries) out.set(`${e.vendor}/${e.sheet}`, [...(out.get(`${e.vendor}/${e.sheet}`) ?? []), e])
  return out
}

function accuracy(ws: Workspace, entries: Entry[]): { top1: number; top3: number; misses: string[] } {
  let top1 = 0
  let top3 = 0
  const misses: string[] = []
  for (const [key, cols] of groups(entries)) {
    const rows = cols[0]!.values.map((_, r) => cols.map((c) => c.values[r] ?? null))
    const id = createRawTable(ws.db, { file: `${key.split('/')[0]}.xlsx`, name: cols[0]!.sheet, columns: cols.map((c) => c.header), rows })
    suggestTable(ws.db, id).columns.forEach((col, i) => {
      const expected = cols[i]!.expected
      const confident = col.suggestions.filter((s) => s.confidence >= mapThreshold).map((s) => s.item)
      const hit1 = expected === null ? confident.length === 0 : col.suggestions[0]?.item === expected
      const hit3 = expected === null ? hit1 : col.suggestions.slice(0, 3).some((s) => s.item === expected)
      if (hit1) top1++
      else misses.push(`${key} '${col.column}': expected ${expected}, got ${col.suggestions[0]?.item ?? 'unmapped'}`)
      if (hit3) top3++
    })
  }
  return { top1: top1 / entries.length, top3: top3 / entries.length, misses }
}

function largeSheetSeconds(ws: Workspace): number {
  const headers = Array.from({ length: 50 }, (_, i) => ['Resident ID', 'D.O.B', 'NHS No', 'Post Code', 'Tel', 'Sex', 'Notes', 'Forename', 'Surname', 'Admission Date'][i % 10]! + (i >= 10 ? ` ${Math.floor(i / 10)}` : ''))
  const row = (n: number) => headers.map((_, c) => [`R${n}`, '03/04/1941', '943 476 5919', 'LS6 2AB', '01632 960123', n % 2 ? 'F' : 'M', 'likes tea', 'Mary', 'Smith', '2019-04-01'][c % 10]!)
  const id = createRawTable(ws.db, { file: 'large.xlsx', name: 'Residents', columns: headers, rows: Array.from({ length: 100_000 }, (_, n) => row(n)) })
  const started = performance.now()
  suggestTable(ws.db, id)
  return (performance.now() - started) / 1000
}

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-bench-suggest-'))
  try {
    const ws = createWorkspace(path.join(dir, 'bench.modsws'), 'bench')
    const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'mapping-headers.json'), 'utf8')) as { entries: Entry[] }
    const { top1, top3, misses } = accuracy(ws, fixture.entries)
    if (process.env.BENCH_VERBOSE) for (const m of misses) process.stderr.write(`miss: ${m}\n`)
    const seconds = largeSheetSeconds(ws)
    ws.close()
    return { suggest_top1: top1, suggest_top3: top3, suggest_labelled_headers: fixture.entries.length, suggest_50x100k_s: seconds }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
