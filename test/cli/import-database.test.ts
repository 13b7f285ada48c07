import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/main'
import { testDatabase } from '../core/sources/database-settings'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-cli-db-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, (s) => void out.push(s), (s) => void err.push(s))
  return { code, out: out.join('\n'), err: err.join('\n') }
}

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
