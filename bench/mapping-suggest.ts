/**
 * Mapping suggestion quality and speed. Accuracy: labelled legacy headers grouped into their sheets,
 * each column's top suggestion (top-1) or first three (top-3) against the label. A null label
 * (a column that should stay unmapped) is right, for top-1 and top-3 alike, only when no suggestion
 * reaches mapThreshold. Two sets: test/fixtures/mapping-headers.json (written alongside the
 * synonym lists, so optimistic) and test/fixtures/mapping-headers-blind.json (written blind from the
 * catalogue; tune on its "dev" split only, "test" is held out). Speed: a 50-column sheet of
 * 100,000 rows (values are sampled). BENCH_VERBOSE=1 prints the misses of the older set and of the
 * blind dev split, never of the blind test split.
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
  split?: 'dev' | 'test'
}

interface Scored {
  entry: Entry
  hit1: boolean
  hit3: boolean
  got: string | null
}

function groups(entries: Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>()
  for (const e of entries) out.set(`${e.vendor}/${e.sheet}`, [...(out.get(`${e.vendor}/${e.sheet}`) ?? []), e])
  return out
}

function score(ws: Workspace, entries: Entry[]): Scored[] {
  const out: Scored[] = []
  for (const [key, cols] of groups(entries)) {
    const rows = cols[0]!.values.map((_, r) => cols.map((c) => c.values[r] ?? null))
    const id = createRawTable(ws.db, { file: `${key.split('/')[0]}.xlsx`, name: cols[0]!.sheet, columns: cols.map((c) => c.header), rows })
    suggestTable(ws.db, id).columns.forEach((col, i) => {
      const entry = cols[i]!
      const confident = col.suggestions.filter((s) => s.confidence >= mapThreshold).map((s) => s.item)
      const hit1 = entry.expected === null ? confident.length === 0 : col.suggestions[0]?.item === entry.expected
      const hit3 = entry.expected === null ? hit1 : col.suggestions.slice(0, 3).some((s) => s.item === entry.expected)
      out.push({ entry, hit1, hit3, got: entry.expected === null ? (confident[0] ?? null) : (col.suggestions[0]?.item ?? null) })
    })
  }
  return out
}

function rates(scored: Scored[]): { top1: number; top3: number } {
  return { top1: scored.filter((s) => s.hit1).length / scored.length, top3: scored.filter((s) => s.hit3).length / scored.length }
}

function printMisses(scored: Scored[]): void {
  for (const { entry, hit1, got } of scored) {
    if (!hit1) process.stderr.write(`miss: ${entry.vendor}/${entry.sheet} '${entry.header}' [${entry.values.slice(0, 3).join(' | ')}]: expected ${entry.expected}, got ${got ?? 'unmapped'}\n`)
  }
}

function readFixture(name: string): Entry[] {
  return (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', name), 'utf8')) as { entries: Entry[] }).entries
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
    const labelled = score(ws, readFixture('mapping-headers.json'))
    const blind = score(ws, readFixture('mapping-headers-blind.json'))
    const blindDev = blind.filter((s) => s.entry.split === 'dev')
    const blindTest = blind.filter((s) => s.entry.split === 'test')
    if (process.env.BENCH_VERBOSE) {
      printMisses(labelled)
      printMisses(blindDev)
    }
    const seconds = largeSheetSeconds(ws)
    ws.close()
    const all = rates(labelled)
    const b = rates(blind)
    const dev = rates(blindDev)
    const test = rates(blindTest)
    return {
      suggest_top1: all.top1,
      suggest_top3: all.top3,
      suggest_labelled_headers: labelled.length,
      suggest_blind_top1: b.top1,
      suggest_blind_top3: b.top3,
      suggest_blind_dev_top1: dev.top1,
      suggest_blind_dev_top3: dev.top3,
      suggest_blind_test_top1: test.top1,
      suggest_blind_test_top3: test.top3,
      suggest_blind_headers: blind.length,
      suggest_50x100k_s: seconds,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
