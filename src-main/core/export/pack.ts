/**
 * Writes an export pack atomically: every file goes into a hidden temporary sibling folder, the zip
 * into a temporary file; only when all are complete are they renamed into place and the run
 * recorded (export_run + audit 'export.created', counts and hashes only). On any failure the
 * temporaries are removed, so no partial pack is ever left behind.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { zipSync } from 'fflate'
import { ApiError } from '../../contract/errors'
import type { ExportCounts, ExportResult, PackFile } from '../../contract/methods/export'
import { appVersions } from '../versions'
import type { AuditActor, Workspace } from '../workspace'
import { appendAudit } from '../workspace'
import type { BundleCounts } from './fhir/bundle'
import { writeBundle } from './fhir/bundle'
import { uuidV5 } from './ids'
import { writeIssuesCsv } from './issues-csv'
import { datasetCsvs } from './mods-csv'

export interface ExportOptions {
  purpose: string
  /** Folder the pack folder and zip are written into. */
  outDir: string
  /** Also write `<packName>.zip` beside the folder (default true). */
  zip?: boolean
  now?: Date
  /** Called after each file is complete (progress; tests use it to inject a failure). */
  onFile?: (relPath: string) => void
}

/** A pack holds personal data: readable by its owner only, whatever the umask. */
const privateDir = 0o700
const privateFile = 0o600

/** Writes one pack file while hashing it, so the manifest never re-reads what was written. */
function writePackFile(root: string, relPath: string, produce: (write: (text: string) => void) => void): PackFile {
  const full = path.join(root, ...relPath.split('/'))
  fs.mkdirSync(path.dirname(full), { recursive: true, mode: privateDir })
  const fd = fs.openSync(full, 'wx', privateFile)
  const hash = createHash('sha256')
  let bytes = 0
  try {
    produce((text) => {
      const buf = Buffer.from(text, 'utf8')
      fs.writeSync(fd, buf)
      hash.update(buf)
      bytes += buf.length
    })
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  return { path: relPath, sha256: hash.digest('hex'), bytes }
}

function packNameFor(now: Date, outDir: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  let name = `mods-export-${stamp}`
  for (let n = 2; fs.existsSync(path.join(outDir, name)) || fs.existsSync(path.join(outDir, `${name}.zip`)); n++) name = `mods-export-${stamp}-${n}`
  return name
}

function zipFolder(root: string, files: PackFile[], target: string, name: string): PackFile {
  const entries = Object.fromEntries(files.map((f) => [f.path, new Uint8Array(fs.readFileSync(path.join(root, ...f.path.split('/'))))]))
  const data = zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })
  fs.writeFileSync(target, data, { flag: 'wx', mode: privateFile })
  return { path: name, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length }
}

function issueCounts(ws: Workspace): ExportCounts['issues'] {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const r of ws.db.prepare(`SELECT severity, count(*) AS n FROM quality_issue WHERE status = 'open' GROUP BY severity`).all() as { severity: keyof typeof counts; n: number }[]) {
    counts[r.severity] = r.n
  }
  return counts
}

export function exportPack(ws: Workspace, actor: AuditActor, options: ExportOptions): ExportResult {
  const now = options.now ?? new Date()
  fs.mkdirSync(options.outDir, { recursive: true })
  const packName = packNameFor(now, options.outDir)
  const suffix = randomBytes(6).toString('hex')
  const tmpDir = path.join(options.outDir, `.${packName}.partial-${suffix}`)
  const tmpZip = path.join(options.outDir, `.${packName}.zip.partial-${suffix}`)
  const finalDir = path.join(options.outDir, packName)
  const finalZip = path.join(options.outDir, `${packName}.zip`)
  const placed: string[] = []
  try {
    fs.mkdirSync(tmpDir, { mode: privateDir })
    const files: PackFile[] = []
    const add = (relPath: string, produce: (write: (text: string) => void) => void) => {
      files.push(writePackFile(tmpDir, relPath, produce))
      options.onFile?.(relPath)
    }
    const createdAt = now.toISOString()
    let bundle: BundleCounts = { resources: {}, skipped: {}, incomplete: {}, notExported: [] }
    add('fhir/bundle.json', (w) => (bundle = writeBundle(ws.db, ws.id, uuidV5(ws.id, `Bundle/${createdAt}`), createdAt, w)))
    let escapedCells = 0
    const records: Record<string, number> = {}
    for (const csv of datasetCsvs(ws.db)) {
      add(`mods/${csv.dataset}.csv`, (w) => w(csv.text))
      records[csv.dataset] = csv.rows
      escapedCells += csv.escapedCells
    }
    const issues = writeIssuesCsv(ws.db)
    add('issues.csv', (w) => w(issues.text))
    escapedCells += issues.escapedCells
    const counts: ExportCounts = { resources: bundle.resources, records, skipped: bundle.skipped, incomplete: bundle.incomplete, issues: issueCounts(ws), escapedCells }
    const manifest = {
      format: 'mods-migrate.export-pack',
      formatVersion: 1,
      tool: { name: 'MODS Migrate', ...appVersions() },
      workspaceId: ws.id,
      packName,
      createdAt,
      purpose: options.purpose,
      formulaEscaping: true,
      files,
      counts,
      // Mapped items with no FHIR home are in the MODS CSVs only; saying so keeps them from vanishing unnoticed.
      notExportedToFhir: bundle.notExported,
    }
    add('manifest.json', (w) => w(JSON.stringify(manifest, null, 2) + '\n'))
    const zip = options.zip === false ? null : zipFolder(tmpDir, files, tmpZip, path.basename(finalZip))
    fs.renameSync(tmpDir, finalDir)
    placed.push(finalDir)
    if (zip) {
      fs.renameSync(tmpZip, finalZip)
      placed.push(finalZip)
    }
    const result: ExportResult = { packName, files, zip, counts }
    ws.db.transaction(() => {
      ws.db.prepare('INSERT INTO export_run (created_at, purpose, pack_name, manifest_json) VALUES (?, ?, ?, ?)').run(createdAt, options.purpose, packName, JSON.stringify(manifest))
      appendAudit(ws.db, actor, { action: 'export.created', object: packName, details: { counts, files: files.map((f) => ({ path: f.path, sha256: f.sha256 })), zipSha256: zip?.sha256 ?? null } })
    })()
    return result
  } catch (err) {
    for (const p of [tmpDir, tmpZip, ...placed]) fs.rmSync(p, { recursive: true, force: true })
    if (err instanceof ApiError) throw err
    throw new ApiError('INTERNAL', `The export could not be written, and nothing was left behind: ${(err as Error).message}`)
  }
}

/** Where `export.run` puts packs: an `exports` folder next to the workspace file. */
export function exportsDirFor(ws: Workspace): string {
  return path.join(path.dirname(ws.path), 'exports')
}
