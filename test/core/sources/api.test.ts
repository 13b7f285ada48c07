import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src-main/cli/main'
import { call } from '../../../src-main/core/api/dispatcher'
import { Session } from '../../../src-main/core/api/session'
import { rowCounts } from '../../../src-main/core/sources'
import { newWorkspace, tempDir, writeFile } from './helpers'

const csv = 'Report of residents\n\nID,Name,Tel\n1,Zoë,07700 900123\n2,Siân,0123\n3,Łukasz,0456\n'

function session(dir: string) {
  const s = new Session({ actor: { user: 'tester', role: 'data-officer' }, workspacesDir: dir, front: 'test' })
  s.useWorkspace(newWorkspace(dir))
  return s
}

describe('sources API', () => {
  it('previews, imports, lists, pages, sorts, searches and removes through file handles', async () => {
    const dir = tempDir()
    const s = session(dir)
    const file = s.files.grant(writeFile(dir, 'res.csv', csv)).handle
    const preview = await call(s, 'sources.preview', { file })
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: 'comma' })
    expect(preview.sheets[0]).toMatchObject({ headerRow: 3, columns: ['ID', 'Name', 'Tel'] })
    expect(preview.sheets[0]!.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6])
    expect(rowCounts(s.requireWorkspace().db)).toEqual({})

    const events: string[] = []
    s.onEvent((e) => events.push(e.type))
    const result = await call(s, 'sources.import', { file, jobId: 'job-1' })
    expect(result.tables[0]!.rows).toBe(3)
    expect(events).toContain('job.progress')
    expect(events).toContain('workspace.changed')

    const [source] = await call(s, 'sources.list', {})
    expect(source).toMatchObject({ fileName: 'res.csv', tables: [{ rowCount: 3, headerRow: 3, columns: [{ name: 'ID', sqlName: 'c0' }, { name: 'Name' }, { name: 'Tel' }] }] })
    const tableId = source!.tables[0]!.id
    const page = await call(s, 'sources.rows', { tableId, offset: 1, limit: 1 })
    expect(page).toMatchObject({ total: 3, rows: [{ rowNumber: 5, values: ['2', 'Siân', '0123'] }] })
    const sorted = await call(s, 'sources.rows', { tableId, sort: { column: 'c1', direction: 'desc' } })
    expect(sorted.rows.map((r) => r.values[1])).toEqual(['Łukasz', 'Zoë', 'Siân'])
    const found = await call(s, 'sources.rows', { tableId, search: 'ZOË' })
    expect(found).toMatchObject({ total: 1, rows: [{ values: ['1', 'Zoë', '07700 900123'] }] })
    await expect(call(s, 'sources.rows', { tableId, limit: 1001 })).rejects.toMatchObject({ code: 'VALIDATION' })

    expect(await call(s, 'sources.remove', { sourceId: source!.id })).toEqual({ removedTables: 1, removedRows: 3 })
    expect(await call(s, 'sources.list', {})).toEqual([])
    await expect(call(s, 'sources.import', { file: 'f_unknown' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    s.close()
  })

  it('is not open to auditors', async () => {
    const dir = tempDir()
    const s = new Session({ actor: { user: 'a', role: 'auditor' }, workspacesDir: dir, front: 'test' })
    const file = s.files.grant(writeFile(dir, 'res.csv', csv)).handle
    await expect(call(s, 'sources.import', { file })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('import CLI', () => {
  it('prints the import as JSON and errors on stderr with an exit code', async () => {
    const dir = tempDir()
    const file = writeFile(dir, 'res.csv', csv)
    const out: string[] = []
    const err: string[] = []
    const toOut = (s: string) => out.push(s) > 0
    const toErr = (s: string) => err.push(s) > 0
    const ws = path.join(dir, 'cli.modsws')
    const code = await runCli(['import', file, '--workspace', ws, '--json'], toOut, toErr)
    expect(code).toBe(0)
    const printed = JSON.parse(out[0]!)
    expect(Object.keys(printed)).toEqual(['source', 'tables', 'warnings'])
    expect(printed.tables).toEqual([{ name: 'res.csv', rows: 3, columns: ['ID', 'Name', 'Tel'] }])
    expect(printed.source).toMatchObject({ fileName: 'res.csv', format: 'csv', status: 'imported' })

    const again = await runCli(['import', file, '--workspace', ws, '--json'], toOut, toErr)
    expect(again).toBe(3)
    expect(JSON.parse(err.at(-1)!).error.code).toBe('CONFLICT')

    const preview = await runCli(['import', file, '--workspace', ws, '--preview', '--json', '--header-row', '3', '--delimiter', ','], toOut, toErr)
    expect(preview).toBe(0)
    expect(JSON.parse(out.at(-1)!).tables[0]).toMatchObject({ headerRow: 3, rows: [['1', 'Zoë', '07700 900123'], ['2', 'Siân', '0123'], ['3', 'Łukasz', '0456']] })

    const empty = writeFile(dir, 'empty.csv', '')
    expect(await runCli(['import', empty, '--workspace', ws], toOut, toErr)).toBe(3)
    expect(err.at(-1)).toContain('empty.csv is empty')
  })
})
