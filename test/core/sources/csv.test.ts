import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readRows, rowCounts } from '../../../src-main/core/sources'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

const people = 'Resident ID,Given Name,Family Name,Telephone,Code\nR001,Zoë,Smith,07700 900123,0123\nR002,Siân,Jones,07700 900456,0456\n'

async function importText(name: string, content: string | Buffer, options = {}) {
  const dir = tempDir()
  const ws = newWorkspace(dir)
  const result = await importFile(ws, writeFile(dir, name, content), options)
  const table = result.tables[0]!
  return { ws, result, table, rows: readRows(ws.db, table.id, 0, 100) }
}

describe('CSV encodings', () => {
  const cases: [string, Buffer, string][] = [
    ['utf-8', Buffer.from(people + 'R003,Łukasz,Nowak,,\n'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(people + 'R003,Łukasz,Nowak,,\n')]), 'utf-8'],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(people + 'R003,Łukasz,Nowak,,\n', 'utf-16le')]), 'utf-16le'],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(people + 'R003,Łukasz,Nowak,,\n', 'utf-16be')]), 'utf-16be'],
    ['windows-1252', iconv.encode(people + 'R003,Chloë “Coco”,Price,,\n', 'windows-1252'), 'windows-1252'],
    ['iso-8859-1', iconv.encode(people + 'R003,Renée,Dubois,,\n', 'iso-8859-1'), 'iso-8859-1'],
  ]
  for (const [label, bytes, expected] of cases) {
    it(`reads ${label}`, async () => {
      const { result, table, rows } = await importText('people.csv', bytes)
      expect(result.settings.encoding).toBe(expected)
      expect(table.columns).toEqual(['Resident ID', 'Given Name', 'Family Name', 'Telephone', 'Code'])
      expect(table.rows).toBe(3)
      expect(rows[0]!.values).toEqual(['R001', 'Zoë', 'Smith', '07700 900123', '0123'])
      expect(rows[1]!.values[1]).toBe('Siân')
      const third = { 'utf-8': 'Łukasz', 'utf-16le': 'Łukasz', 'utf-16be': 'Łukasz', 'windows-1252': 'Chloë “Coco”', 'iso-8859-1': 'Renée' }[expected]
      expect(rows[2]!.values[1]).toBe(third)
      expect(rows[2]!.values[3]).toBe('')
    })
  }

  it('says when a Central European file may have been read as Western, and reads it right when told', async () => {
    const names = ['Łukasz Wąsowski', 'Zofia Żółć', 'Bożena Łódź', 'Grzegorz Brzęczyszczykiewicz', 'Małgorzata Ślązak']
    const text = 'Name,Town\n' + Array.from({ length: 140 }, (_, i) => `${names[i % names.length]},Łódź ${i}`).join('\n') + '\n'
    const bytes = iconv.encode(text, 'windows-1250')
    const guessed = await importText('polish.csv', bytes)
    expect(guessed.result.warnings).toContain(
      'The text was read as windows-1252 (Western European), but it may be windows-1250; if names look wrong (such as "£ukasz" for "Łukasz"), import it again with the encoding windows-1250.',
    )
    const told = await importText('polish.csv', bytes, { encoding: 'windows-1250' })
    expect(told.rows[0]!.values).toEqual(['Łukasz Wąsowski', 'Łódź 0'])
    expect(told.result.warnings.join(' ')).not.toContain('may be')
  })

  it('lets the user override the encoding', async () => {
    const { result, rows } = await importText('people.csv', iconv.encode(people, 'windows-1252'), { encoding: 'utf-8' })
    expect(result.settings.encoding).toBe('utf-8')
    expect(rows[0]!.values[1]).toBe('Zo\uFFFD')
  })
})

describe('CSV delimiters and quoting', () => {
  for (const [d, name] of [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']] as const) {
    it(`sniffs the ${name} delimiter`, async () => {
      const text = people.replaceAll(',', d).replace('Smith', '"Smith, Jr"'.replace(',', d === ',' ? ',' : ','))
      const { result, rows } = await importText(d === '\t' ? 'people.tsv' : 'people.txt', text)
      expect(result.settings.delimiter).toBe(name)
      expect(rows[0]!.values).toEqual(['R001', 'Zoë', 'Smith, Jr', '07700 900123', '0123'])
    })
  }

  it('keeps embedded newlines, doubled quotes and CRLF line endings', async () => {
    const text = 'ID,Note,Tel\r\n1,"Line one\r\nline two",07700 900123\r\n2,"She said ""hello""",0123\r\n3,5\'10" tall,\r\n'
    const { table, rows } = await importText('notes.csv', text)
    expect(table.rows).toBe(3)
    expect(rows.map((r) => r.values)).toEqual([
      ['1', 'Line one\r\nline two', '07700 900123'],
      ['2', 'She said "hello"', '0123'],
      ['3', '5\'10" tall', ''],
    ])
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4])
  })

  it('reads an old Mac (CR) file whose quoted notes hold LF line breaks, as the preview says', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Resident ${i},${String(i).padStart(10, '0')},"${i === 9 ? 'line1\nline2' : 'ok'}"`)
    const text = 'Name,NHS,Note\r' + lines.join('\r') + '\r'
    const { table, rows } = await importText('mac.csv', text)
    expect([table.rows, table.columns]).toEqual([300, ['Name', 'NHS', 'Note']])
    expect(rows[9]!.values).toEqual(['Resident 9', '0000000009', 'line1\nline2'])
    expect(rows[9]!.rowNumber).toBe(11)
    // A stray quote in an LF file still leaves it an LF file.
    const lf = await importText('lf.csv', 'Name,Height\nZoë,5\'10"\nSiân,6\'1\nŁukasz,"5\'9"""\n')
    expect(lf.rows.map((r) => r.values)).toEqual([['Zoë', '5\'10"'], ['Siân', '6\'1'], ['Łukasz', '5\'9"']])
  })

  it('keeps a row of spaces (it holds values), skipping only rows with nothing in them', async () => {
    const { table, rows, result } = await importText('spaces.csv', 'Name,NHS\nA,01\n   ,  \n,\nB,02\n')
    expect(table.rows).toBe(3)
    expect(rows.map((r) => [r.rowNumber, r.values])).toEqual([[2, ['A', '01']], [3, ['   ', '  ']], [5, ['B', '02']]])
    expect(result.warnings.join(' ')).toContain('1 blank row was skipped (row 4)')
  })

  it('finds the header below title and blank rows, makes names unique', async () => {
    const text = 'Sunnyside Care Home – residents\nPrinted 01/03/2024\n\nID,Name,Tel,Tel,,Name\n1,Zoë,0123,0456,x,Zoe\n'
    const { table, rows, result } = await importText('titled.csv', text)
    expect(table.headerRow).toBe(4)
    expect(table.columns).toEqual(['ID', 'Name', 'Tel', 'Tel (2)', 'Column 5', 'Name (2)'])
    expect(rows[0]!.values).toEqual(['1', 'Zoë', '0123', '0456', 'x', 'Zoe'])
    expect(result.warnings[0]).toContain('Sunnyside Care Home')
  })

  it.each([
    ['a year', 'Name,Town,2024\nZoë,Leeds,yes\nSiân,York,no\n', ['Name', 'Town', '2024'], 2],
    ['a date', 'Resident,Room,01/04/2024\nZoë,12,present\nSiân,14,absent\n', ['Resident', 'Room', '01/04/2024'], 2],
  ])('takes a header that names a column with %s when the column below holds text', async (_, text, columns, rows) => {
    const { table } = await importText('dated.csv', text)
    expect([table.headerRow, table.columns, table.rows]).toEqual([1, columns, rows])
  })

  it('keeps a print-date row a title, and keeps every row as data when no row is clearly a header', async () => {
    const titled = await importText('printed.csv', 'Printed,25/11/2024,\nName,Town,Room\nZoë,Leeds,12\n')
    expect([titled.table.headerRow, titled.table.columns]).toEqual([2, ['Name', 'Town', 'Room']])
    const unclear = await importText('marks.csv', 'Resident,Room,01/04/2024\nZoë,12,1\nSiân,14,0\n')
    expect([unclear.table.headerRow, unclear.table.rows, unclear.rows[0]!.values]).toEqual([0, 3, ['Resident', 'Room', '01/04/2024']])
  })

  it('keeps empty text under a blank last header cell ("Name,NHS,"), distinct from no value', async () => {
    const { table, rows } = await importText('trailing.csv', 'Name,NHS,\nA,01,\nB,02,X\nC,03\n')
    expect(table.columns).toEqual(['Name', 'NHS', 'Column 3'])
    expect(rows.map((r) => r.values)).toEqual([['A', '01', ''], ['B', '02', 'X'], ['C', '03', null]])
  })

  it('honours a header row override, and 0 for no header', async () => {
    const text = 'a,b\n1,2\n3,4\n'
    const forced = await importText('h.csv', text, { headerRow: 2 })
    expect(forced.table.columns).toEqual(['1', '2'])
    expect(forced.table.rows).toBe(1)
    const none = await importText('h.csv', text, { headerRow: 0 })
    expect(none.table.columns).toEqual(['Column 1', 'Column 2'])
    expect(none.table.rows).toBe(3)
  })

  it('reports ragged rows and keeps every extra cell', async () => {
    const text = 'ID,Name,Tel\n1,Zoë\n2,Siân,0123,extra,more\n3,Łukasz,0456\n'
    const { table, rows, result } = await importText('ragged.csv', text)
    expect(table.columns).toEqual(['ID', 'Name', 'Tel', 'Column 4', 'Column 5'])
    expect(rows.map((r) => r.values)).toEqual([
      ['1', 'Zoë', null, null, null],
      ['2', 'Siân', '0123', 'extra', 'more'],
      ['3', 'Łukasz', '0456', null, null],
    ])
    expect(result.warnings).toContain('1 row has more cells than the 3 columns of the header (row 3 has 5); the extra cells are kept in the added columns "Column 4", "Column 5".')
    expect(result.warnings).toContain('1 row has fewer cells than the 3 columns of the header (row 2 has 2); the missing cells are left empty.')
  })

  it('rejects a quote that is never closed, naming the row', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    await expect(importFile(ws, writeFile(dir, 'bad.csv', 'ID,Name\n1,Zoë\n2,"Siân\n3,Jo\n'))).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      location: { row: 3 },
    })
    expect(rowCounts(ws.db)).toEqual({})
  })
})

describe('CSV rejections', () => {
  it('rejects an empty file and a binary file named .csv, changing nothing', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    await importFile(ws, writeFile(dir, 'ok.csv', people))
    const before = rowCounts(ws.db)
    await expect(importFile(ws, writeFile(dir, 'empty.csv', ''))).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: 'empty.csv is empty (0 bytes): there is nothing to import.' })
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
    await expect(importFile(ws, writeFile(dir, 'renamed.csv', zip))).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      message: expect.stringContaining('renamed.csv is not a text file: it looks like a ZIP archive or an Excel workbook (.xlsx)'),
    })
    await expect(importFile(ws, writeFile(dir, 'nul.csv', Buffer.from('a,b\n1,\u0000\n')))).rejects.toMatchObject({ code: 'IMPORT_REJECTED', details: { reason: 'binary-as-text' } })
    expect(rowCounts(ws.db)).toEqual(before)
  })
})
