import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findSoffice, xlsReader } from '../../../src-main/core/sources/xls'
import { contextFor, drain, rejectionOf, tempDir } from './format-helpers'

const dir = tempDir('mods-xlstest-')
const conversionDirs = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('mods-xls-'))
const soffice = findSoffice()
if (!soffice) {
  const message = 'LibreOffice (soffice) is not installed: run `bash .ci/services.sh`.'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`SKIPPING .xls conversion tests: ${message}`)
}

/** A real BIFF8 .xls, made by LibreOffice from a workbook exceljs writes. */
async function legacyWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Residents')
  ws.getCell('A1').value = 'Oak House'
  ws.addRow([])
  ws.addRow(['NHS number', 'Name', 'Born'])
  ws.addRow(['0123456789', 'Zoë', new Date(Date.UTC(1938, 1, 14))])
  ws.addRow(['9434765919', 'Siân', new Date(Date.UTC(1941, 10, 30))])
  ws.getColumn(3).numFmt = 'dd/mm/yyyy'
  wb.addWorksheet('Old', { state: 'hidden' }).addRow(['Łukasz'])
  const xlsx = path.join(dir, 'source.xlsx')
  await wb.xlsx.writeFile(xlsx)
  execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xls', '--outdir', dir, xlsx], { timeout: 120_000 })
  const xls = path.join(dir, 'residents.xls')
  fs.renameSync(path.join(dir, 'source.xls'), xls)
  return xls
}

describe('XLS reader', () => {
  const saved = process.env.MODS_SOFFICE
  afterEach(() => {
    if (saved === undefined) delete process.env.MODS_SOFFICE
    else process.env.MODS_SOFFICE = saved
  })

  it('claims .xls names so misnamed files get a specific message', () => {
    expect(xlsReader.detect(new Uint8Array(), 'RESIDENTS.XLS')).toBe(true)
    expect(xlsReader.detect(new Uint8Array(), 'residents.xlsx')).toBe(false)
  })

  it('refuses a web page saved with an .xls name', async () => {
    const file = path.join(dir, 'export.xls')
    fs.writeFileSync(file, '<html><table><tr><td>Zoë</td></tr></table></html>')
    const r = await rejectionOf(drain(xlsReader, contextFor(file)))
    expect(r.message).toBe(
      'Cannot import export.xls: it is not a real Excel 97–2003 file (some systems save web pages or text with an .xls name); open it in Excel and save it as an Excel Workbook (.xlsx), then import that file, or save it as CSV.',
    )
  })

  it('says what to do when LibreOffice is not installed', async () => {
    const file = path.join(dir, 'legacy.xls')
    fs.writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600), Buffer.from('Workbook', 'utf16le')]))
    process.env.MODS_SOFFICE = 'none'
    const r = await rejectionOf(drain(xlsReader, contextFor(file)))
    expect([r.code, r.message]).toEqual([
      'IMPORT_REJECTED',
      'Cannot import legacy.xls: Excel 97–2003 (.xls) files need LibreOffice, which is not installed; open it in Excel and save it as an Excel Workbook (.xlsx), then import that file.',
    ])
  })

  describe.skipIf(!soffice)('with LibreOffice', () => {
    let xls: string
    beforeAll(async () => {
      xls = await legacyWorkbook()
    }, 180_000)

    it('converts and reads every sheet with real row numbers, dates as ISO text', async () => {
      const before = conversionDirs()
      const sheets = await drain(xlsReader, contextFor(xls))
      expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['Residents', false], ['Old', true]])
      expect(sheets[0]!.rows).toEqual([
        { rowNumber: 1, cells: ['Oak House'] },
        { rowNumber: 3, cells: ['NHS number', 'Name', 'Born'] },
        { rowNumber: 4, cells: ['0123456789', 'Zoë', '1938-02-14'] },
        { rowNumber: 5, cells: ['9434765919', 'Siân', '1941-11-30'] },
      ])
      expect(sheets[0]!.warnings[0]).toBe('Converted from Excel 97–2003 (.xls) format with LibreOffice before reading.')
      expect(sheets[1]!.rows).toEqual([{ rowNumber: 1, cells: ['Łukasz'] }])
      expect(conversionDirs()).toEqual(before)
    }, 180_000)

    it('refuses a truncated .xls with advice', async () => {
      const broken = path.join(dir, 'broken.xls')
      const bytes = fs.readFileSync(xls)
      fs.writeFileSync(broken, bytes.subarray(0, 1024))
      const r = await rejectionOf(drain(xlsReader, contextFor(broken)))
      expect(r.code).toBe('IMPORT_REJECTED')
      expect(r.message).toBe(
        'Cannot import broken.xls: no Excel workbook was found inside it (it may be damaged, or another kind of Office file); open it in Excel and save it as an Excel Workbook (.xlsx), then import that file.',
      )
    }, 180_000)
  })
})
