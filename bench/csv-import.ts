/**
 * CSV import speed against the sqlite3 shell's `.import --csv` (the target is at most 1.5× its
 * time) and our peak memory, on 1,000,000 synthetic people × 15 columns generated in .bench/.
 * Our import runs in a child process so its peak RSS is its own. The child is bundled with esbuild
 * and run by plain node, as the built app runs the engine: through tsx the loader alone added
 * ~40 MB and a loader thread to the figure. Both row paths are measured: packed through the
 * mods_cells extension (what the product uses when it is built) and bound values (its fallback).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchDir, family, given, root, towns } from './_synthetic'
import { build } from 'esbuild'

const rows = 1_000_000


/** Deterministic synthetic people; some cells quoted (addresses with commas), as real exports are. */
function generate(file: string): void {
  const out = fs.openSync(file, 'w')
  const header = 'Resident ID,NHS Number,Title,Given Name,Family Name,Date of Birth,Gender,Address 1,Town,Postcode,Telephone,Email,GP Practice,Admission Date,Notes'
  let chunk = [header]
  for (let i = 1; i <= rows; i++) {
    const g = given[i % given.length]!
    const f = family[(i * 7) % family.length]!
    const nhs = String(9_000_000_000 + i * 7)
    const dob = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/19${30 + (i % 60)}`
    const address = i % 5 === 0 ? `"Flat ${i % 40}, ${i % 200} High Street"` : `${i % 200} High Street`
    chunk.push(
      `R${String(i).padStart(7, '0')},${nhs},Mx,${g},${f},${dob},${i % 2 ? 'Female' : 'Male'},${address},${towns[i % towns.length]},LS${i % 30} ${i % 9}AB,07700 ${String(900000 + (i % 1000)).slice(0, 6)},p${i}@example.org,B${String(82000 + (i % 500))},2024-0${(i % 9) + 1}-15,`,
    )
    if (chunk.length >= 20_000) {
      fs.writeSync(out, chunk.join('\n') + '\n')
      chunk = []
    }
  }
  if (chunk.length) fs.writeSync(out, chunk.join('\n') + '\n')
  fs.closeSync(out)
}

function sqlite3Seconds(csv: string): number {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' })
  } catch {
    throw new Error('The sqlite3 command-line shell is not installed (apt-get install -y sqlite3); it is the baseline for this benchmark.')
  }
  const db = path.join(benchDir, 'shell.db')
  fs.rmSync(db, { force: true })
  const started = performance.now()
  execFileSync('sqlite3', [db, '.import --csv ' + csv + ' people'])
  const seconds = (performance.now() - started) / 1000
  fs.rmSync(db, { force: true })
  return seconds
}

/** The child as one ES module (npm packages stay external: node resolves them from node_modules). */
async function bundleChild(): Promise<string> {
  const outfile = path.join(benchDir, 'bundle', 'csv-import-child.mjs')
  await build({
    entryPoints: [path.join(root, 'bench', '_csv-import-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
  return outfile
}

interface ChildResult {
  seconds: number
  checkpointSeconds: number
  rows: number
  maxRssMb: number
  path: 'packed' | 'bound'
}

function oursOnce(child: string, csv: string, bound: boolean): ChildResult {
  const ws = path.join(benchDir, 'bench.modsws')
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(ws + suffix, { force: true })
  const env = bound ? { ...process.env, MODS_MIGRATE_NATIVE: 'off' } : process.env
  const out = execFileSync(process.execPath, [child, csv, ws], { cwd: root, encoding: 'utf8', env })
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(ws + suffix, { force: true })
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult
  if (result.rows !== rows) throw new Error(`Imported ${result.rows} rows, expected ${rows}.`)
  return result
}

export async function run(): Promise<Record<string, number | string>> {
  fs.mkdirSync(benchDir, { recursive: true })
  const csv = path.join(benchDir, 'people-1m.csv')
  if (!fs.existsSync(csv)) generate(csv)
  const child = await bundleChild()
  // Best of three for each, interleaved, so a cold page cache or a noisy neighbour hits all alike.
  const shell: number[] = []
  const packed: ChildResult[] = []
  const bound: ChildResult[] = []
  for (let round = 0; round < 3; round++) {
    shell.push(sqlite3Seconds(csv))
    packed.push(oursOnce(child, csv, false))
    bound.push(oursOnce(child, csv, true))
  }
  const fastest = (runs: ChildResult[]): ChildResult => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a))
  const base = Math.min(...shell)
  const best = fastest(packed)
  const boundBest = fastest(bound)
  return {
    csv_rows: rows,
    csv_import_path: best.path,
    csv_sqlite3_s: base,
    csv_ours_s: best.seconds,
    csv_vs_sqlite3: best.seconds / base,
    // The WAL checkpoint deferred until after the import resolved (same run as csv_ours_s), and
    // the ratio if it were counted: the shell's figure includes writing its database file once.
    csv_checkpoint_s: best.checkpointSeconds,
    csv_with_checkpoint_vs_sqlite3: (best.seconds + best.checkpointSeconds) / base,
    csv_peak_rss_mb: Math.max(...packed.map((o) => o.maxRssMb)),
    // The fallback when the extension is not built (MODS_MIGRATE_NATIVE=off).
    csv_bound_s: boundBest.seconds,
    csv_bound_vs_sqlite3: boundBest.seconds / base,
    csv_bound_peak_rss_mb: Math.max(...bound.map((o) => o.maxRssMb)),
  }
}
