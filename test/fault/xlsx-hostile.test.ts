import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { xlsxReader } from '../../src-main/core/sources/xlsx'
import { contextFor, drain, rejectionOf, tempDir } from '../core/sources/format-helpers'
import { buildZip, minimalXlsx, sheet } from './xlsx-builder'

const dir = tempDir('mods-xlsx-hostile-')

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

const read = (file: string, limits = {}) => drain(xlsxReader, contextFor(file, {}, limits))

async function rejected(file: string, limits = {}) {
  const r = await rejectionOf(read(file, limits))
  expect(r.code).toBe('IMPORT_REJECTED')
  return r
}

describe('hostile and broken XLSX files are refused with a specific message', () => {
  it('reads the minimal hand-built workbook (the baseline for the cases below)', async () => {
    const file = write('ok.xlsx', minimalXlsx(sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>Zoë</t></is></c></row>')))
    expect((await read(file))[0]!.rows).toEqual([{ rowNumber: 2, cells: [null, 'Zoë'] }])
  })

  it('decodes the _xHHHH_ escapes Excel writes for line breaks and control characters', async () => {
    const strings = '<sst><si><t>Line 1_x000D_\nLine 2</t></si><si><r><t>_x005F_x000D_ stays</t></r></si></sst>'
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Tab_x0009_here</t></is></c></row>'
    const file = write('escapes.xlsx', minimalXlsx(sheet(rows), { sharedStrings: strings }))
    expect((await read(file))[0]!.rows).toEqual([{ rowNumber: 1, cells: ['Line 1\r\nLine 2', '_x000D_ stays', 'Tab\there'] }])
  })

  it('treats typed cells without a value as empty', async () => {
    const rows = '<row r="1"><c r="A1" t="s"/><c r="B1" t="n"></c><c r="C1" t="b"/><c r="D1" t="e"/><c r="E1" t="inlineStr"><is><t>x</t></is></c></row>'
    const file = write('typed-empty.xlsx', minimalXlsx(sheet(rows), { sharedStrings: '<sst><si><t>first</t></si></sst>' }))
    expect((await read(file))[0]!.rows).toEqual([{ rowNumber: 1, cells: [null, null, null, null, 'x'] }])
  })

  it('a macro-enabled workbook is read, its macros never run, and the user is told', async () => {
    const vba = { name: 'xl/vbaProject.bin', data: Buffer.from('Attribute VB_Name = "Module1"\nSub AutoOpen()\nEnd Sub') }
    const file = write('macros.xlsm', minimalXlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Zoë</t></is></c></row>'), { extraParts: [vba] }))
    const [residents] = await read(file)
    expect(residents!.rows).toEqual([{ rowNumber: 1, cells: ['Zoë'] }])
    expect(residents!.warnings).toEqual(['The workbook contains macros; they were not run.'])
  })

  it('zip bomb: an entry that would expand far beyond the ratio limit, before any inflating', async () => {
    const rows = '<row><c><v>1</v></c></row>'.repeat(800_000)
    const file = write('bomb.xlsx', minimalXlsx(sheet(rows)))
    expect(fs.statSync(file).size).toBeLessThan(200_000)
    const r = await rejected(file)
    expect(r.message).toMatch(/^Cannot import bomb\.xlsx: it looks like a zip bomb: part xl\/worksheets\/sheet1\.xml would expand \d+ times \(limit 200\)\.$/)
  })

  it('zip bomb: declared sizes beyond the total cap', async () => {
    const file = write('huge.xlsx', minimalXlsx(sheet(''), { sheetDeclaredSize: 0xfffffff0 }))
    const r = await rejected(file, { maxCompressionRatio: 1e12 })
    expect(r.message).toBe('Cannot import huge.xlsx: it would expand to 4096 MB (limit 2048 MB): possibly a zip bomb.')
  })

  it('disguised zip bomb: the header under-declares, the bounded inflate stops it', async () => {
    const rows = '<row><c><v>1</v></c></row>'.repeat(200_000)
    const file = write('liar.xlsx', minimalXlsx(sheet(rows), { sheetDeclaredSize: 1000 }))
    const r = await rejected(file)
    expect(r.message).toMatch(/^Cannot import liar\.xlsx, sheet Residents(, row \d+)?: it looks like a zip bomb: part xl\/worksheets\/sheet1\.xml expands beyond the 1000 bytes it declares\.$/)
  })

  it('entry flood: more parts than any workbook has', async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: 'x' }))
    const r = await rejected(write('flood.xlsx', buildZip(parts)))
    expect(r.message).toBe('Cannot import flood.xlsx: it has 10001 parts (limit 10000).')
  })

  it('truncated file', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Residents').addRow(['Zoë', 'Ashworth'])
    const whole = Buffer.from(await wb.xlsx.writeBuffer())
    const file = write('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)))
    const r = await rejected(file)
    expect(r.message).toBe('Cannot import cut.xlsx: it is not a complete Excel workbook (no ZIP directory found: the file is truncated or not an .xlsx).')
  })

  it('invalid XML in a sheet names the sheet and row', async () => {
    const bad = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></row>')
    const r = await rejected(write('badxml.xlsx', minimalXlsx(bad)))
    expect(r.message).toMatch(/^Cannot import badxml\.xlsx, sheet Residents, row 2: its part xl\/worksheets\/sheet1\.xml is not valid XML \(.+\)\.$/)
    expect(r.location).toEqual({ file: 'badxml.xlsx', sheet: 'Residents', row: 2 })
  })

  it('password-protected workbook (an OLE container with EncryptionInfo)', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)])
    const r = await rejected(write('locked.xlsx', cfb))
    expect(r.message).toBe('Cannot import locked.xlsx: it is password-protected; remove the password in Excel and export again.')
  })

  it('a legacy .xls saved under an .xlsx name', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(100)])
    const r = await rejected(write('old.xlsx', cfb))
    expect(r.message).toMatch(/Excel 97–2003 \(\.xls\) workbook with an \.xlsx name/)
  })

  it('not a spreadsheet at all', async () => {
    const r = await rejected(write('residents.xlsx', Buffer.from('NHS number,First name\n9434765919,Zoë\n')))
    expect(r.message).toBe('Cannot import residents.xlsx: it is not an Excel workbook (.xlsx); if it is a CSV or another format, give it the matching file extension.')
  })

  it('a ZIP that is not a workbook', async () => {
    const r = await rejected(write('photos.xlsx', buildZip([{ name: 'photo.txt', data: 'not a workbook' }])))
    expect(r.message).toBe('Cannot import photos.xlsx: it is not an Excel workbook (no workbook part inside).')
  })

  it('an Excel Binary Workbook (.xlsb) gets advice', async () => {
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    const r = await rejected(write('binary.xlsx', buildZip([{ name: '_rels/.rels', data: rels }, { name: 'xl/workbook.bin', data: Buffer.from([0x83, 1, 0]) }])))
    expect(r.message).toBe('Cannot import binary.xlsx: it is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx).')
  })

  it('absurd sheet dimensions are refused before the rows are read', async () => {
    const r = await rejected(write('wide.xlsx', minimalXlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<dimension ref="A1:XFD1048576"/>'))))
    expect(r.message).toBe(
      'Cannot import wide.xlsx, sheet Residents: the sheet declares 1048576 rows × 16384 columns, beyond the limit of 5000000 rows × 1998 columns.',
    )
  })

  it('a cell reference beyond the column limit', async () => {
    const r = await rejected(write('far.xlsx', minimalXlsx(sheet('<row r="7"><c r="XFE7"><v>1</v></c></row>'))))
    expect(r.message).toBe('Cannot import far.xlsx, sheet Residents, row 7: cell XFE7 is beyond the limit of 1998 columns.')
  })

  it('a shared-string index that does not exist', async () => {
    const strings = '<sst><si><t>Zoë</t></si></sst>'
    const r = await rejected(write('sst.xlsx', minimalXlsx(sheet('<row r="3"><c r="A3" t="s"><v>5</v></c></row>'), { sharedStrings: strings })))
    expect(r.message).toBe('Cannot import sst.xlsx, sheet Residents, row 3: a cell refers to shared text number 5, which does not exist.')
  })

  it('billion laughs: DTD entities are never expanded', async () => {
    const entities = ['<!ENTITY a0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('')
    const strings = `<?xml version="1.0"?><!DOCTYPE sst [${entities}]><sst><si><t>&a9;</t></si></sst>`
    const started = Date.now()
    const r = await rejected(write('laughs.xlsx', minimalXlsx(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: strings })))
    expect(r.message).toMatch(/^Cannot import laughs\.xlsx: its part xl\/sharedStrings\.xml is not valid XML/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('a cell longer than the cell limit', async () => {
    const file = write('long.xlsx', minimalXlsx(sheet(`<row r="4"><c r="A4" t="inlineStr"><is><t>${'x'.repeat(5000)}</t></is></c></row>`)))
    const r = await rejected(file, { maxCellChars: 1000 })
    expect(r.message).toBe('Cannot import long.xlsx, sheet Residents, row 4: a cell holds more than 1000 characters.')
  })
})
