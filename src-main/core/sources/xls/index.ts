/**
 * Legacy Excel 97–2003 (.xls, BIFF8 in an OLE container). We do not parse BIFF in-process: the only
 * npm parser (SheetJS `xlsx`, 0.18.5 on npm) has unfixed prototype-pollution and ReDoS advisories.
 * Instead LibreOffice, when installed, converts the file to .xlsx headless, in a private temp folder
 * with its own profile and a time limit, and the hardened XLSX reader reads the result. Without
 * LibreOffice the file is refused with what to do instead (docs/sources-formats.md).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ReaderContext, SourceReader, SourceSheet } from '../reader'
import { readHead } from '../sniff'
import { cfbKind, containerOf } from '../xlsx/container'
import { readXlsx } from '../xlsx'
import { importRejected } from '../xlsx/rejection'

const convertTimeoutMs = 120_000
const saveAsXlsx = 'open it in Excel and save it as an Excel Workbook (.xlsx), then import that file'

/** LibreOffice's binary: MODS_SOFFICE when set ("none" disables), else soffice/libreoffice on PATH. */
export function findSoffice(): string | null {
  const configured = process.env.MODS_SOFFICE
  if (configured) return configured === 'none' || !fs.existsSync(configured) ? null : configured
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name)
      if (dir && fs.existsSync(candidate)) return candidate
    }
  }
  return null
}

function convert(soffice: string, input: string, outDir: string, profile: string): Promise<void> {
  const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'xlsx', '--outdir', outDir, input]
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: convertTimeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (err) => (err ? reject(err) : resolve()))
  })
}

async function refuseUnlessLegacyWorkbook(ctx: ReaderContext): Promise<void> {
  const container = containerOf(readHead(ctx.filePath))
  if (container !== 'cfb') {
    throw importRejected(ctx, `it is not a real Excel 97–2003 file (some systems save web pages or text with an .xls name); ${saveAsXlsx}, or save it as CSV`)
  }
  const kind = await cfbKind(ctx.filePath)
  if (kind === 'encrypted-ooxml') throw importRejected(ctx, 'it is password-protected; remove the password in Excel and export again')
  if (kind !== 'legacy-workbook') throw importRejected(ctx, `no Excel workbook was found inside it (it may be damaged, or another kind of Office file); ${saveAsXlsx}`)
}

export async function* readXls(ctx: ReaderContext): AsyncGenerator<SourceSheet> {
  if (containerOf(readHead(ctx.filePath)) === 'zip') {
    // An .xlsx with an .xls name: read it as what it is.
    yield* readXlsx(ctx)
    return
  }
  await refuseUnlessLegacyWorkbook(ctx)
  const soffice = findSoffice()
  if (!soffice) throw importRejected(ctx, `Excel 97–2003 (.xls) files need LibreOffice, which is not installed; ${saveAsXlsx}`)
  // The copy and its conversion hold personal data in plain text: private folder, removed at the end.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-xls-'))
  fs.chmodSync(work, 0o700)
  try {
    const input = path.join(work, 'workbook.xls')
    fs.copyFileSync(ctx.filePath, input)
    try {
      await convert(soffice, input, work, path.join(work, 'profile'))
    } catch (e) {
      const timedOut = (e as { killed?: boolean }).killed
      throw importRejected(ctx, timedOut ? `LibreOffice did not finish converting it within ${convertTimeoutMs / 1000} s; ${saveAsXlsx}` : `LibreOffice could not convert it; ${saveAsXlsx}`)
    }
    const converted = path.join(work, 'workbook.xlsx')
    if (!fs.existsSync(converted)) {
      throw importRejected(ctx, `LibreOffice could not convert it (it may be password-protected or damaged); ${saveAsXlsx}`)
    }
    for await (const sheet of readXlsx({ ...ctx, filePath: converted })) {
      sheet.warnings.unshift('Converted from Excel 97–2003 (.xls) format with LibreOffice before reading.')
      yield sheet
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

export const xlsReader: SourceReader = {
  format: 'xls',
  // By name: the reader then says what a misnamed file really is.
  detect: (_head, fileName) => ['.xls', '.xlt'].includes(path.extname(fileName).toLowerCase()),
  sheets: readXls,
}
