import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../src-main/contract/errors'
import { appendAudit, createWorkspace, migrate, openWorkspace, peekWorkspace, verifyAuditChain } from '../../../src-main/core/workspace'

const dirs: string[] = []
function tempFile(name = 'ws.modsws'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-ws-'))
  dirs.push(dir)
  return path.join(dir, name)
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('workspace', () => {
  it('creates a WAL workspace with full sync, foreign keys and an identity', () => {
    const file = tempFile()
    const ws = createWorkspace(file, 'Rose Court')
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ws.name).toBe('Rose Court')
    expect(ws.id).toMatch(/^[0-9a-f-]{36}$/)
    const id = ws.id
    ws.close()
    const again = openWorkspace(file)
    expect(again.id).toBe(id)
    expect(again.schemaVersion).toBeGreaterThanOrEqual(1)
    again.close()
  })

  it('is readable by its owner only, and so are its -wal and -shm files, whatever the umask', () => {
    const file = tempFile()
    const previous = process.umask(0o022)
    try {
      const ws = createWorkspace(file, 'Rose Court')
      ws.db.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)')
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, fs.statSync(f).mode & 0o777]).toEqual([f, 0o600])
      ws.close()
    } finally {
      process.umask(previous)
    }
  })

  it('refuses to overwrite an existing workspace', () => {
    const file = tempFile()
    createWorkspace(file, 'A').close()
    expect(() => createWorkspace(file, 'B')).toThrow(/already exists/)
  })

  it('peeks at a workspace identity without changing the file, and at junk as null', () => {
    const file = tempFile()
    const ws = createWorkspace(file, 'Rose Court')
    const id = ws.id
    ws.close()
    const before = fs.readFileSync(file)
    expect(peekWorkspace(file)).toEqual({ id, name: 'Rose Court' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    const junk = tempFile('junk.modsws')
    fs.writeFileSync(junk, 'not a database')
    expect(peekWorkspace(junk)).toBe(null)
  })

  it('refuses a file that is not a workspace', () => {
    const file = tempFile('junk.modsws')
    fs.writeFileSync(file, 'this is not sqlite at all, just text'.repeat(100))
    expect(() => openWorkspace(file)).toThrow(ApiError)
  })

  it.each([
    ['someone\'s own SQLite database', 'residents.db', (f: string) => {
      const db = new Database(f)
      db.exec("CREATE TABLE residents (nhs TEXT, name TEXT); INSERT INTO residents VALUES ('9990000018', 'Zoë Testperson')")
      db.close()
    }],
    ['an empty file', 'empty.modsws', (f: string) => fs.writeFileSync(f, '')],
  ])('leaves %s byte for byte as it was when refusing it', (_, name, make) => {
    const file = tempFile(name)
    make(file)
    const before = fs.readFileSync(file)
    expect(() => openWorkspace(file)).toThrow(`${name} is not a MODS Migrate workspace; it was left unchanged.`)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(path.dirname(file))).toEqual([name]) // no -wal or -shm left beside it
  })

  it('refuses a migration history that is not a prefix of the known migrations', () => {
    const db = new Database(':memory:')
    migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x)' }])
    expect(() => migrate(db, [{ version: 1, name: 'other', sql: 'CREATE TABLE b (x)' }])).toThrow(/does not match/)
    expect(() => migrate(db, [])).toThrow(/newer version/)
  })

  it('rolls back a failing migration completely', () => {
    const db = new Database(':memory:')
    const bad = [{ version: 1, name: 'bad', sql: 'CREATE TABLE a (x); CREATE TABLE a (y);' }]
    expect(() => migrate(db, bad)).toThrow()
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'").get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM schema_migration').get()).toEqual({ n: 0 })
  })
})

describe('audit log', () => {
  it('is append-only and hash-chained; a flipped byte breaks verification at that event', () => {
    const file = tempFile()
    const ws = createWorkspace(file, 'Audit')
    const actor = { user: 'tester', role: 'administrator' }
    appendAudit(ws.db, actor, { action: 'import.completed', object: 'residents.csv', details: { rows: 10 } })
    const second = appendAudit(ws.db, actor, { action: 'mapping.applied', details: { records: 10 } })
    appendAudit(ws.db, actor, { action: 'export.created' })
    expect(verifyAuditChain(ws.db)).toEqual({ ok: true, events: 3, firstBrokenId: null })
    expect(() => ws.db.prepare('UPDATE audit_event SET actor = ? WHERE id = ?').run('x', second)).toThrow(/append-only/)
    expect(() => ws.db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/)
    // Tamper below the triggers, as an attacker with the file would.
    ws.db.exec('DROP TRIGGER audit_event_no_update')
    ws.db.prepare(`UPDATE audit_event SET details_json = '{"records":11}' WHERE id = ?`).run(second)
    expect(verifyAuditChain(ws.db)).toEqual({ ok: false, events: 2, firstBrokenId: second })
    ws.close()
  })
})
