/**
 * JSON and NDJSON edge cases: every file imports completely and exactly, or is refused with a
 * specific message, or imports with a warning saying exactly what was not taken as it was.
 * Files are generated here; the people in them are synthetic.
 */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { iterateRows } from '../../../src-main/core/sources'
import type { ImportResult } from '../../../src-main/core/sources'
import type { Workspace } from '../../../src-main/core/workspace'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

interface TableView {
  name: string
  columns: string[]
  rows: (string | number | null)[][]
  warnings: string[]
}

/** Each table as stored: its columns, its rows as [row number, ...values], its warnings. */
function stored(ws: Workspace, result: ImportResult): TableView[] {
  return result.tables.map((t) => ({
    name: t.name,
    columns: t.columns,
    rows: [...iterateRows(ws.db, t.id)].map((r) => [r.rowNumber, ...r.values]),
    warnings: t.warnings,
  }))
}

async function imported(name: string, content: string | Buffer): Promise<{ ws: Workspace; result: ImportResult; tables: TableView[] }> {
  const dir = tempDir()
  const ws = newWorkspace(dir)
  const result = await importFile(ws, writeFile(dir, name, content))
  return { ws, result, tables: stored(ws, result) }
}

async function refusal(name: string, content: string | Buffer): Promise<string> {
  const dir = tempDir()
  const ws = newWorkspace(dir)
  const error = await importFile(ws, writeFile(dir, name, content)).then(
    () => null,
    (err: unknown) => err,
  )
  expect(error).toMatchObject({ code: 'IMPORT_REJECTED' })
  return (error as Error).message
}

describe('elements that are not records', () => {
  it('imports a table whose array holds a null, and says which element was not imported', async () => {
    const { tables, result } = await imported('export.json', '{"residents":[{"Name":"Zoë"},null,{"Name":"Siân"}],"contacts":[{"Name":"Bob"}]}')
    expect(tables).toEqual([
      { name: 'residents', columns: ['Name'], rows: [[1, 'Zoë'], [3, 'Siân']], warnings: ['Element 2 is null, not a record; it was not imported.'] },
      { name: 'contacts', columns: ['Name'], rows: [[1, 'Bob']], warnings: [] },
    ])
    expect(result.warnings).toEqual(['residents: Element 2 is null, not a record; it was not imported.'])
  })

  it('keeps plain values of a top-level array in a "value" column and skips nulls, each reported', async () => {
    const { tables } = await imported('mixed.json', '[{"Name":"Zoë"},null,5,"Siân",[1,2],true,null,{}]')
    expect(tables).toEqual([
      {
        name: 'mixed.json',
        columns: ['Name', 'value'],
        rows: [[1, 'Zoë', null], [3, null, '5'], [4, null, 'Siân'], [5, null, '[1,2]'], [6, null, 'true']],
        warnings: [
          'Elements 2, 7 are null, not records; they were not imported.',
          'Elements 3, 4, 5, 6 are plain values, not records; they were imported as rows with their values in the column "value".',
          '1 blank row was skipped (row 8).',
        ],
      },
    ])
  })

  it('lists the first ten positions and counts the rest', async () => {
    const { tables } = await imported('nulls.json', JSON.stringify([{ Name: 'Zoë' }, ...Array<null>(12).fill(null)]))
    expect(tables[0]!.warnings).toEqual(['Elements 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more are null, not records; they were not imported.'])
  })

  it('does the same for NDJSON lines', async () => {
    const { tables } = await imported('events.ndjson', '{"Name":"Zoë"}\nnull\n"Siân"\n\n{"Name":"Łukasz"}\n')
    expect(tables).toEqual([
      {
        name: 'events.ndjson',
        columns: ['Name', 'value'],
        rows: [[1, 'Zoë', null], [3, null, 'Siân'], [5, 'Łukasz', null]],
        warnings: ['Line 2 is null, not a record; it was not imported.', 'Line 3 is a plain value, not a record; it was imported as a row with its value in the column "value".'],
      },
    ])
  })

  it('names the plain values column apart from a field called "value"', async () => {
    const { tables } = await imported('values.json', '[{"value":"a"},"b"]')
    expect(tables[0]).toMatchObject({
      columns: ['value', 'value (2)'],
      rows: [[1, 'a', null], [2, null, 'b']],
      warnings: [
        'The fields "value" and the plain values (elements that are not records) would share the column name "value"; both are kept, the second in the column "value (2)".',
        'Element 2 is a plain value, not a record; it was imported as a row with its value in the column "value (2)".',
      ],
    })
  })
})

describe('object properties that are not lists of records', () => {
  it('imports them as one more one-row table named after the file, with a warning naming them', async () => {
    const { tables } = await imported('export.json', '{"residents":[{"Name":"Zoë"}],"exportedBy":"Sunnyside","count":1,"meta":{"v":2},"tags":["a","b"],"staff":[]}')
    expect(tables).toEqual([
      { name: 'residents', columns: ['Name'], rows: [[1, 'Zoë']], warnings: [] },
      {
        name: 'export.json',
        columns: ['exportedBy', 'count', 'meta.v', 'tags', 'staff'],
        rows: [[1, 'Sunnyside', '1', '2', '["a","b"]', '[]']],
        warnings: ['The fields "exportedBy", "count", "meta", "tags", "staff" of the JSON object are not lists of records; they were imported as the one row of this table.'],
      },
    ])
  })

  it('says "field" for one, and reads an object without lists of records as one record', async () => {
    const one = await imported('one.json', '{"residents":[{"Name":"Zoë"}],"exportedBy":"Sunnyside"}')
    expect(one.tables[1]!.warnings).toEqual(['The field "exportedBy" of the JSON object is not a list of records; it was imported as the one row of this table.'])
    const record = await imported('record.json', '{"Name":"Siân","tags":["a"]}')
    expect(record.tables).toEqual([{ name: 'record.json', columns: ['Name', 'tags'], rows: [[1, 'Siân', '["a"]']], warnings: [] }])
  })
})

describe('detection and text encoding', () => {
  const records = [{ Name: 'Zoë Smith', NHS: '0000000000' }, { Name: 'Siân O’Brien', NHS: '0000000001' }]
  const expected = [{ name: 'people.json', columns: ['Name', 'NHS'], rows: [[1, 'Zoë Smith', '0000000000'], [2, 'Siân O’Brien', '0000000001']], warnings: [] }]
  // What Windows PowerShell's ConvertTo-Json | Out-File writes: indented, CRLF.
  const powershell = JSON.stringify(records, null, 4).replace(/\n/g, '\r\n') + '\r\n'

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(powershell, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(powershell, 'utf-16be')]), 'utf-16be'],
    ['UTF-16 LE without BOM', iconv.encode(powershell, 'utf-16le'), 'utf-16le'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(powershell)]), 'utf-8'],
    ['Windows-1252', iconv.encode(JSON.stringify(records), 'windows-1252'), 'windows-1252'],
  ])('reads %s JSON exactly', async (_, bytes, encoding) => {
    const { tables, result } = await imported('people.json', bytes)
    expect(result.format).toBe('json')
    expect(result.settings).toMatchObject({ encoding })
    expect(tables).toEqual(expected)
  })

  it('reads UTF-16 and Windows-1252 NDJSON exactly', async () => {
    const lines = records.map((r) => JSON.stringify(r)).join('\r\n')
    for (const [bytes, encoding] of [[Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(lines, 'utf-16le')]), 'utf-16le'], [iconv.encode(lines, 'windows-1252'), 'windows-1252']] as const) {
      const { tables, result } = await imported('people.ndjson', bytes)
      expect(result.settings).toMatchObject({ encoding })
      expect(tables).toEqual([{ ...expected[0]!, name: 'people.ndjson' }])
    }
  })

  it.each([
    ['"hello"', 'hello.json: the JSON is a single value ("hello"), not records; import a list of records ([{…}, {…}]) or an object holding such lists.'],
    ['42', 'hello.json: the JSON is a single value (42), not records; import a list of records ([{…}, {…}]) or an object holding such lists.'],
    ['null', 'hello.json: the JSON is a single value (null), not records; import a list of records ([{…}, {…}]) or an object holding such lists.'],
  ])('refuses a .json file holding the single value %s instead of reading it as CSV', async (content, message) => {
    expect(await refusal('hello.json', content)).toBe(message)
  })

  it('refuses CSV text named .json as not valid JSON', async () => {
    // The rest of the message is the JavaScript engine's own parse error.
    expect(await refusal('people.json', 'Name,NHS\nZoë,0000000000\n')).toMatch(/^people\.json: this is not valid JSON \(.+\)\.$/s)
  })
})

describe('field names that would share a column', () => {
  it('keeps a key with a dot and the same nested path as two columns, whatever their order', async () => {
    const { tables } = await imported('coll.json', '[{"a.b":"first","a":{"b":"second"}},{"a":{"b":"third"}},{"a.b":"fourth"}]')
    expect(tables).toEqual([
      {
        name: 'coll.json',
        columns: ['a.b', 'a.b (2)'],
        rows: [[1, 'first', 'second'], [2, null, 'third'], [3, 'fourth', null]],
        warnings: ['The fields "a.b" and "a" → "b" would share the column name "a.b"; both are kept, the second in the column "a.b (2)".'],
      },
    ])
  })

  it('keeps keys that differ only in case, and keys with backslashes, apart', async () => {
    const { tables } = await imported('case.json', JSON.stringify([{ Name: 'Zoë', name: 'Siân', 'x\\.y': 'p', x: { '.y': 'q' } }]))
    expect(tables[0]).toMatchObject({
      columns: ['Name', 'name (2)', 'x\\.y', 'x..y'],
      rows: [[1, 'Zoë', 'Siân', 'p', 'q']],
      warnings: ['The fields "Name" and "name" would share the column name "Name"; both are kept, the second in the column "name (2)".'],
    })
  })

  it('keeps NDJSON collisions apart too', async () => {
    const { tables } = await imported('c.ndjson', '{"a":{"b":1}}\n{"a.b":2}\n')
    expect(tables[0]).toMatchObject({ columns: ['a.b', 'a.b (2)'], rows: [[1, '1', null], [2, null, '2']] })
    expect(tables[0]!.warnings).toEqual(['The fields "a" → "b" and "a.b" would share the column name "a.b"; both are kept, the second in the column "a.b (2)".'])
  })
})

describe('lone surrogates', () => {
  it('replaces each with U+FFFD, stores valid UTF-8, and names the element and field', async () => {
    const { ws, result, tables } = await imported('sur.json', '[{"Name":"A\\ud83d","Pair":"\\ud83d\\ude00","Low":"\\ude00B"},{"Name":"Zoë"}]')
    expect(tables).toEqual([
      {
        name: 'sur.json',
        columns: ['Name', 'Pair', 'Low'],
        rows: [[1, 'A\uFFFD', '😀', '\uFFFDB'], [2, 'Zoë', null, null]],
        warnings: ['Lone UTF-16 surrogates (halves of a character pair, such as a cut-off emoji) were replaced by U+FFFD "\uFFFD" in 2 fields: element 1, field "Name"; element 1, field "Low".'],
      },
    ])
    const hex = ws.db.prepare(`SELECT hex(c0) AS name, hex(c2) AS low FROM raw_${result.tables[0]!.id} WHERE _row_number = 1`).get()
    expect(hex).toEqual({ name: '41EFBFBD', low: 'EFBFBD42' })
  })

  it('in NDJSON names the line, and in a field name names the column', async () => {
    const lines = await imported('s.ndjson', '{"Name":"Zoë"}\n{"Name":"\\udc00"}\n')
    expect(lines.tables[0]!.warnings).toEqual(['Lone UTF-16 surrogates (halves of a character pair, such as a cut-off emoji) were replaced by U+FFFD "\uFFFD" in 1 field: line 2, field "Name".'])
    const key = await imported('k.json', '[{"N\\ud800":"Zoë"}]')
    expect(key.tables[0]).toMatchObject({
      columns: ['N\uFFFD'],
      rows: [[1, 'Zoë']],
      warnings: ['The field name "N\uFFFD" held a lone UTF-16 surrogate (half of a character pair); the column is named "N\uFFFD", with U+FFFD "\uFFFD" in its place.'],
    })
  })
})

describe('numbers', () => {
  it('keeps -0 and flags numbers that JSON.parse cannot keep exactly', async () => {
    const { tables } = await imported('num.json', '[{"id":"0123","a":-0,"b":1.5},{"id":"2","a":12345678901234567890},{"id":"3","a":1e400}]')
    expect(tables[0]).toMatchObject({
      rows: [[1, '0123', '-0', '1.5'], [2, '2', '12345678901234567000', null], [3, '3', 'Infinity', null]],
      warnings: ['Elements 2, 3 have numbers too large to keep exactly; write such identifiers as strings in the JSON.'],
    })
  })
})

describe('empty JSON', () => {
  it.each([
    ['[]', 'empty.json', []],
    ['{}', 'empty.json', []],
    ['{"residents":[{},{}]}', 'residents', ['2 blank rows were skipped (rows 1, 2).']],
  ])('%s gives an empty table', async (content, name, warnings) => {
    const { tables } = await imported('empty.json', content)
    expect(tables).toEqual([{ name, columns: [], rows: [], warnings }])
  })

  it('NDJSON of empty records gives an empty table', async () => {
    const { tables } = await imported('empty.ndjson', '{}\n{}\n')
    expect(tables).toEqual([{ name: 'empty.ndjson', columns: [], rows: [], warnings: ['2 blank rows were skipped (rows 1, 2).'] }])
  })
})
