import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { xlsxReader } from '../../../src-main/core/sources/xlsx'
import { numericCellText, serialToIso, styleReading, timeKind } from '../../../src-main/core/sources/xlsx/cell-text'
import { contextFor, drain, tempDir } from './format-helpers'

const dir = tempDir('mods-xlsx-')
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

async function careWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const residents = wb.addWorksheet('Residents')
  residents.getCell('A1').value = 'Oak House residents'
  residents.mergeCells('A1:E1')
  residents.getRow(3).values = ['NHS number', 'First name', 'Surname', 'Date of birth', 'Phone', 'Admitted', 'Weight', 'Double', 'Active', 'Room']
  residents.getRow(4).values = ['9434765919', 'Zoë', 'Ashworth', utc(1938, 2, 14), '01632960001', utc(2021, 3, 1, 10, 30), 61.5, { formula: 'G4*2', result: 123 }, true, 1]
  residents.getRow(5).values = ['0123456789', 'Łukasz', { richText: [{ text: 'Now' }, { text: 'ak', font: { bold: true } }] }, utc(1941, 11, 30), 1632960002, null, 4.6, { formula: 'G5*2', result: 9.2 }, false]
  residents.getRow(6).values = [null, 'Siân', 'Prydderch', '14/02/1938', '  07700 900123 ', null, 0.1 + 0.2, null, null, '007']
  residents.getCell('D4').numFmt = 'dd/mm/yyyy'
  residents.getCell('D5').numFmt = 'dd/mm/yyyy'
  residents.getCell('E5').numFmt = '00000000000'
  residents.getCell('F4').numFmt = 'dd/mm/yyyy hh:mm'
  residents.mergeCells('J4:J5')
  const archive = wb.addWorksheet('Archive', { state: 'hidden' })
  archive.addRow(['Name', 'Left'])
  archive.addRow(['Arthur Bellamy', 'Yes'])
  const notes = wb.addWorksheet('Notes')
  notes.getCell('B10').value = 'Fire drill 03:00'
  notes.getCell('C10').value = utc(1899, 12, 30, 14, 30)
  notes.getCell('C10').numFmt = 'hh:mm'
  await wb.xlsx.writeFile(file)
}

async function workbook1904(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.properties.date1904 = true
  const ws = wb.addWorksheet('Dates')
  ws.addRow(['Event', 'When'])
  ws.addRow(['Review', utc(2020, 5, 17)])
  ws.getCell('B2').numFmt = 'yyyy-mm-dd'
  await wb.xlsx.writeFile(file)
}

describe('XLSX reader', () => {
  const care = path.join(dir, 'care.xlsx')
  const old = path.join(dir, 'mac-1904.xlsx')
  beforeAll(async () => {
    await careWorkbook(care)
    await workbook1904(old)
  })

  it('detects by name so renamed and encrypted files get a specific message', () => {
    expect(xlsxReader.detect(new Uint8Array([0x50, 0x4b, 3, 4]), 'Residents.XLSX')).toBe(true)
    expect(xlsxReader.detect(new Uint8Array([0x50, 0x4b, 3, 4]), 'letter.docx')).toBe(false)
  })

  it('recognises a workbook saved without its extension by its parts', () => {
    const head = new Uint8Array(fs.readFileSync(care).subarray(0, 64 * 1024))
    expect(xlsxReader.detect(head, 'residents-export')).toBe(true)
  })

  it('reads every sheet with real row numbers, hidden sheets flagged', async () => {
    const sheets = await drain(xlsxReader, contextFor(care))
    expect(sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ['Residents', false, 5],
      ['Archive', true, 2],
      ['Notes', false, 1],
    ])
    expect(sheets[0]!.sheet).toBe('Residents')
    expect(sheets[0]!.columns).toBeNull()
    expect(sheets[0]!.rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 6])
    expect(sheets[2]!.rows).toEqual([{ rowNumber: 10, cells: [null, 'Fire drill 03:00', '14:30:00'] }])
    expect(sheets[1]!.warnings).toEqual(['Sheet "Archive" is hidden in Excel; it was read like the others.'])
  })

  it('gives dates as ISO text, keeps typed text exactly, uses cached formula results', async () => {
    const [residents] = await drain(xlsxReader, contextFor(care))
    const rows = residents!.rows
    expect(rows[0]!.cells).toEqual(['Oak House residents'])
    expect(rows[2]!.cells).toEqual(['9434765919', 'Zoë', 'Ashworth', '1938-02-14', '01632960001', '2021-03-01T10:30:00', '61.5', '123', 'TRUE', '1'])
    expect(rows[3]!.cells).toEqual(['0123456789', 'Łukasz', 'Nowak', '1941-11-30', '01632960002', null, '4.6', '9.2', 'FALSE'])
    expect(rows[4]!.cells).toEqual([null, 'Siân', 'Prydderch', '14/02/1938', '  07700 900123 ', null, '0.30000000000000004', null, null, '007'])
  })

  it('reports merged ranges and formulas as warnings once the sheet is read', async () => {
    const [residents] = await drain(xlsxReader, contextFor(care))
    expect(residents!.warnings).toEqual([
      "2 merged cell range(s) (A1:E1, J4:J5): each value was kept in the range's top-left cell and the other cells left empty.",
      '2 formula cell(s): their last calculated values were imported; formulas were not recalculated.',
    ])
  })

  it('reads only the chosen sheets', async () => {
    const sheets = await drain(xlsxReader, contextFor(care, { sheets: ['Notes'] }))
    expect(sheets.map((s) => s.name)).toEqual(['Notes'])
  })

  it('honours the 1904 date system', async () => {
    const [dates] = await drain(xlsxReader, contextFor(old))
    expect(dates!.rows.map((r) => r.cells)).toEqual([
      ['Event', 'When'],
      ['Review', '2020-05-17'],
    ])
  })
})

describe('Excel serial dates', () => {
  it('converts both systems, including the 1900 leap-year quirk', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01')
    expect(serialToIso(59, false)).toBe('1900-02-28')
    expect(serialToIso(60, false)).toBe('1900-02-29')
    expect(serialToIso(61, false)).toBe('1900-03-01')
    expect(serialToIso(45000, false)).toBe('2023-03-15')
    expect(serialToIso(45000.75, false)).toBe('2023-03-15T18:00:00')
    expect(serialToIso(43603, true)).toBe('2023-05-19')
    expect(serialToIso(0.5, false)).toBe('12:00:00')
    expect(serialToIso(-1, false)).toBeNull()
  })

  it('tells date, time and duration formats from number formats', () => {
    expect(['dd/mm/yyyy', 'd-mmm-yy', '[$-809]dd mmmm yyyy', 'yyyy-mm-dd;@', 'mmm yyyy'].map(timeKind)).toEqual(Array(5).fill('date'))
    expect(['dd/mm/yyyy hh:mm', 'yyyy-mm-dd hh:mm:ss'].map(timeKind)).toEqual(['datetime', 'datetime'])
    expect(['hh:mm', 'h:mm AM/PM', 'mm:ss'].map(timeKind)).toEqual(['time', 'time', 'time'])
    expect(['[h]:mm', '[hh]:mm:ss', '[mm]:ss'].map(timeKind)).toEqual(['duration', 'duration', 'duration'])
    expect(['0.00', '#,##0', '"days" 0', '[Red]0.0', '0000000000', '_-* #,##0.00_-', '@', 'General'].map(timeKind)).toEqual(Array(8).fill(null))
  })

  it('writes what Excel shows for day 0 under a date format and for elapsed times past 24 hours', () => {
    expect(numericCellText('0', styleReading('dd/mm/yyyy'), false)).toBe('0')
    expect(numericCellText('45000', styleReading('dd/mm/yyyy'), false)).toBe('2023-03-15')
    expect(numericCellText('0.5', styleReading('hh:mm'), false)).toBe('12:00:00')
    expect(numericCellText('1.5', styleReading('[h]:mm'), false)).toBe('36:00:00')
    expect(numericCellText('0.0215277777777778', styleReading('[h]:mm:ss'), false)).toBe('0:31:00')
    expect(numericCellText('-0.25', styleReading('[h]:mm'), false)).toBe('-6:00:00')
  })
})
