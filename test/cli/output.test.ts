/**
 * Files the CLI writes on request never destroy data: not the workspace (a typo such as
 * `--issues w1.modsws`), not another database, not a folder; an existing ordinary file is
 * replaced whole, and nothing is left half-written.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from './run-cli'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-cli-out-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))


describe('CLI output files', () => {
  const ws = path.join(dir, 'w1.modsws')
  const csv = path.join(dir, 'people.csv')

  it('refuses to write over the workspace, another database or a folder, and leaves them as they were', async () => {
    fs.writeFileSync(csv, 'Resident ID,Name,NHS Number\nR1,Zoë,9434765919\n')
    expect((await cli(['import', csv, '--workspace', ws])).code).toBe(0)
    const other = path.join(dir, 'other.db')
    const db = new Database(other)
    db.exec('CREATE TABLE t (a)')
    db.close()
    const otherBytes = fs.readFileSync(other)
    const cases: [string[], string][] = [
      [['check', '--workspace', ws, '--issues', ws], '--issues names the workspace itself; choose another file name.'],
      [['check', '--workspace', ws, '--issues', other], '--issues names a database file (other.db), perhaps a workspace; it was not overwritten. Choose another file name.'],
      [['check', '--workspace', ws, '--issues', dir], `--issues names a folder (${dir}); give a file name.`],
      [['map', '--workspace', ws, '--auto', '--save-template', 't1', '--out', ws], '--out names the workspace itself; choose another file name.'],
    ]
    for (const [args, message] of cases) {
      const r = await cli([...args, '--json']) // --json: no progress lines on stderr
      expect([r.code, r.err.split('\n')[0]]).toEqual([2, message])
    }
    expect(fs.readFileSync(other).equals(otherBytes)).toBe(true)
    const again = await cli(['profile', '--workspace', ws, '--json'])
    expect(again.code, again.err).toBe(0) // the workspace still opens
  })

  it('replaces an ordinary file whole, private to the user, with nothing left beside it', async () => {
    const issues = path.join(dir, 'issues.csv')
    fs.writeFileSync(issues, 'old content that is much longer than anything the new file will hold '.repeat(200))
    const r = await cli(['check', '--workspace', ws, '--issues', issues])
    expect(r.code, r.err).toBe(0)
    expect(fs.readFileSync(issues, 'utf8')).not.toContain('old content')
    expect(fs.statSync(issues).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
