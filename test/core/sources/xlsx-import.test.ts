/** XLSX, SQLite and .xls through the import engine: header detection, provenance, all-or-nothing. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { listSourceTables, previewSource, readRows, rowCounts } from '../../../src-main/core/sources'
import { detectReader } from '../../../src-main/core/sources/readers'
import { minimalXlsx, sheet } from '../../fault/xlsx-builder'
import { rejectionOf } from './format-helpers'
import { importFile, newWorkspace, tempDir } from './helpers'

async function residentsWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Residents')
  ws.getCell('A1').value = 'Oak House residents (synthetic)'
  ws.mergeCells('A1:C1')
  ws.getRow(3).values = ['NHS number', 'Name', 'Date of birth']
  ws.getRow(4).values = ['0123456789', 'Zoë', new Date(Date.UTC(1938, 1, 14))]
  ws.getRow(5).values = ['9434765919', { richText: [{ text: 'Łu' }, { text: 'kasz', font: { italic: true } }] }, new Date(Date.UTC(1941, 10, 30))]
  ws.getColumn(3).numFmt = 'dd/mm/yyyy'
  const old = wb.addWorksheet('Leavers', { state: 'hidden' })
  old.addRow(['Name', 'Left'])
  old.addRow(['Siân', new Date(Date.UTC(2023, 0, 5))])
  old.getColumn(2).numFmt = 'd mmm yyyy'
  await wb.xlsx.writeFile(file)
}

describe('spreadsheets and databases through the import engine', () => {
  it('takes a header row per sheet: the Residents title rows do not decide the Leavers header', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'oak.xlsx')
    await residentsWorkbook(file)
    const options = { headerRow: 3, headerRows: { Leavers: 1 } }
    const preview = await previewSource({ filePath: file, displayName: 'oak.xlsx', options })
    expect(preview.sheets.map((s) => [s.name, s.headerRow, s.rows.length])).toEqual([['Residents', 3, 2], ['Leavers', 1, 1]])
    const ws = newWorkspace(dir)
    const result = await importFile(ws, file, options)
    expect(result.tables.map((t) => [t.name, t.headerRow, t.rows, t.columns])).toEqual([
      ['Residents', 3, 2, ['NHS number', 'Name', 'Date of birth']],
      ['Leavers', 1, 1, ['Name', 'Left']],
    ])
  })

  it('picks the readers by content and name', () => {
    expect(detectReader(new Uint8Array([0x50, 0x4b, 3, 4]), 'a.xlsx').format).toBe('xlsx')
    expect(detectReader(new Uint8Array(Buffer.from('d0cf11e0a1b11ae1', 'hex')), 'a.xls').format).toBe('xls')
    expect(detectReader(new Uint8Array(Buffer.from('SQLite format 3\0')), 'care.db').format).toBe('sqlite')
  })

  it('imports every sheet of an XLSX with header rows found, row numbers and warnings kept', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'residents.xlsx')
    await residentsWorkbook(file)
    const ws = newWorkspace(dir)
    const result = await importFile(ws, file)
    expect(result.tables.map((t) => [t.name, t.sheet, t.hidden, t.headerRow, t.rows, t.columns])).toEqual([
      ['Residents', 'Residents', false, 3, 2, ['NHS number', 'Name', 'Date of birth']],
      ['Leavers', 'Leavers', true, 1, 1, ['Name', 'Left']],
    ])
    expect(result.warnings.join('\n')).toMatch(/merged cell range\(s\) \(A1:C1\)/)
    expect(result.warnings.join('\n')).toMatch(/Sheet "Leavers" is hidden in Excel/)
    const [residents, leavers] = listSourceTables(ws.db)
    expect(readRows(ws.db, residents!.id, 0, 10).map((r) => [r.rowNumber, ...r.values])).toEqual([
      [4, '0123456789', 'Zoë', '1938-02-14'],
      [5, '9434765919', 'Łukasz', '1941-11-30'],
    ])
    expect(readRows(ws.db, leavers!.id, 0, 10).map((r) => r.values)).toEqual([['Siân', '2023-01-05']])
  })

  it('a workbook that fails half-way leaves the workspace unchanged', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    fs.writeFileSync(path.join(dir, 'first.xlsx'), minimalXlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Zoë</t></is></c></row>')))
    await importFile(ws, path.join(dir, 'first.xlsx'))
    const before = rowCounts(ws.db)
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), minimalXlsx(sheet(`${rows}<row r="301"><c r="A301"><v>1</v></row>`)))
    const r = await rejectionOf(importFile(ws, path.join(dir, 'broken.xlsx')))
    expect(r.code).toBe('IMPORT_REJECTED')
    expect(r.message).toMatch(/^Cannot import broken\.xlsx, sheet Residents, row 301: its part xl\/worksheets\/sheet1\.xml is not valid XML/)
    expect(rowCounts(ws.db)).toEqual(before)
  })

  it('imports every table of an SQLite file with its column names', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'legacy.sqlite')
    const src = new Database(file)
    src.exec(`CREATE TABLE residents (id INTEGER, name TEXT, born TEXT); INSERT INTO residents VALUES (1, 'Zoë', '1938-02-14'), (2, 'Siân', NULL);
              CREATE TABLE kin (resident INTEGER, name TEXT); INSERT INTO kin VALUES (1, 'Mia Ashworth');`)
    src.close()
    const ws = newWorkspace(dir)
    const result = await importFile(ws, file)
    expect(result.tables.map((t) => [t.name, t.headerRow, t.rows, t.columns])).toEqual([
      ['residents', null, 2, ['id', 'name', 'born']],
      ['kin', null, 1, ['resident', 'name']],
    ])
    expect(readRows(ws.db, result.tables[0]!.id, 0, 5).map((r) => [r.rowNumber, ...r.values])).toEqual([
      [1, '1', 'Zoë', '1938-02-14'],
      [2, '2', 'Siân', null],
    ])
  })
})
