import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from './run-cli'
import { testDatabase } from '../core/sources/database-settings'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-cli-db-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))


describe.each(['postgresql', 'mysql'] as const)('mods-migrate import with a %s URL', (kind) => {
  const settings = testDatabase(kind)

  it.skipIf(!settings)('imports the chosen tables, reading the password from the environment only', async () => {
    const s = settings!
    const url = `${kind}://${s.user}@${s.host}:${s.port}/${s.database}`
    process.env.MODS_MIGRATE_DB_PASSWORD = s.password
    try {
      const ws = path.join(dir, `${kind}.modsws`)
      const r = await cli(['import', url, '--workspace', ws, '--table', 'residents', '--json'])
      expect(r.code, r.err).toBe(0)
      const json = JSON.parse(r.out)
      expect(json.source.fileName).toBe(url)
      expect(json.tables).toEqual([{ name: 'residents', rows: 4, columns: expect.arrayContaining(['id', 'nhs_number', 'first_name']) }])
      expect(r.out + r.err).not.toContain(s.password)
      expect(fs.readFileSync(ws).includes(Buffer.from(s.password))).toBe(false)
    } finally {
      delete process.env.MODS_MIGRATE_DB_PASSWORD
    }
  })

  it.skipIf(!settings)('--preview shows columns and first rows of a table or a query, and writes nothing anywhere', async () => {
    const s = settings!
    const url = `${kind}://${s.user}@${s.host}:${s.port}/${s.database}`
    process.env.MODS_MIGRATE_DB_PASSWORD = s.password
    try {
      const ws = path.join(dir, `${kind}-preview.modsws`)
      const r = await cli(['import', url, '--workspace', ws, '--table', 'activity_log', '--preview', '--json'])
      expect(r.code, r.err).toBe(0)
      const json = JSON.parse(r.out)
      expect(json.source).toEqual({ fileName: url, format: kind, sizeBytes: 0, encoding: null, delimiter: null })
      expect(json.tables).toHaveLength(1)
      expect(json.tables[0].name).toBe('activity_log')
      expect(json.tables[0].rows).toHaveLength(20) // of 2,500: only the start is read
      const q = JSON.parse((await cli(['import', url, '--query', 'SELECT first_name FROM residents WHERE id < 3 ORDER BY id', '--preview', '--json'])).out)
      expect(q.tables).toEqual([{ name: 'query', hidden: false, headerRow: null, columns: ['first_name'], rows: [['Zoë'], ['Łukasz']] }])
      expect(fs.existsSync(ws)).toBe(false) // not even an empty workspace was created
    } finally {
      delete process.env.MODS_MIGRATE_DB_PASSWORD
    }
  })

  it.skipIf(!settings)('refuses a wrong password with a specific error and exit code 3', async () => {
    const s = settings!
    process.env.MODS_MIGRATE_DB_PASSWORD = 'not-the-password'
    try {
      const r = await cli(['import', `${kind}://${s.user}@${s.host}:${s.port}/${s.database}`, '--workspace', path.join(dir, 'bad.modsws')])
      expect(r.code).toBe(3)
      expect(r.err).toBe(`Error: Cannot read ${kind}://${s.user}@${s.host}:${s.port}/${s.database}: the user name or password was not accepted.`)
    } finally {
      delete process.env.MODS_MIGRATE_DB_PASSWORD
    }
  })
})

describe('mods-migrate import with a malformed database URL', () => {
  it('says what a database address needs', async () => {
    const r = await cli(['import', 'postgresql://localhost', '--workspace', path.join(dir, 'x.modsws')])
    expect(r.code).toBe(3)
    expect(r.err).toBe('Error: The database address needs a user, host and database, e.g. postgresql://user@localhost:5432/care_db')
  })
})

describe('mods-migrate import: command-line mistakes are usage errors (exit 2) that name the flag', () => {
  const csv = path.join(dir, 'people.csv')
  fs.writeFileSync(csv, 'Resident ID,Name\nR1,Zoë\n')

  it.each([
    [['import', csv, '--on-duplicate', 'bogus'], '--on-duplicate must be one of error, replace, skip (not "bogus").'],
    [['import', csv, '--header-row', 'abc'], '--header-row must be a row number from 1 to 1048576, or 0 for "no header row".'],
    [['import', csv, '--header-row', '99999999'], '--header-row must be a row number from 1 to 1048576, or 0 for "no header row".'],
    [['import', csv, '--delimiter', 'a-very-long-name'], '--delimiter must be one character, or a name such as comma, semicolon, tab or pipe.'],
    [['import', csv, '--table', 'residents'], '--table does not apply to a file.'],
    [['import', 'postgresql://u@localhost/care', '--encoding', 'latin1', '--sheet', 'x'], '--sheet, --encoding do not apply to a database.'],
  ])('%j', async (args, message) => {
    const ws = path.join(dir, 'usage.modsws')
    const r = await cli([...args, '--workspace', ws])
    expect(r.code).toBe(2)
    expect(r.err.split('\n')[0]).toBe(message)
    expect(r.err).toContain('Usage: mods-migrate import')
  })

  it('refuses to import the workspace into itself', async () => {
    const ws = path.join(dir, 'self.modsws')
    expect((await cli(['import', csv, '--workspace', ws])).code).toBe(0)
    const r = await cli(['import', ws, '--workspace', ws])
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, 'That is the workspace itself; give the file to import.'])
  })

  it('says that an import needs --workspace, and previews a file without one', async () => {
    const r = await cli(['import', csv])
    expect([r.code, r.err]).toEqual([4, 'Error: import needs --workspace FILE.modsws (created if it does not exist).'])
    const p = await cli(['import', csv, '--preview', '--json'])
    expect(p.code, p.err).toBe(0)
    expect(JSON.parse(p.out).tables[0].rows).toEqual([['R1', 'Zoë']])
  })
})
