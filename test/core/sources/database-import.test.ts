import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src-main/core/api/dispatcher'
import { Session } from '../../../src-main/core/api/session'
import { listSourceTables, readRows, rowCounts } from '../../../src-main/core/sources'
import { rejectionOf, tempDir } from './format-helpers'
import { testDatabase } from './database-settings'

describe.each(['postgresql', 'mysql'] as const)('databases.* API with %s', (kind) => {
  const settings = testDatabase(kind)
  const session = new Session({ actor: { user: 'dana', role: 'data-officer' }, workspacesDir: tempDir('mods-db-api-'), front: 'test' })
  beforeAll(async () => {
    await call(session, 'workspace.create', { name: `Live ${kind}` })
  })
  afterAll(() => session.close())

  it.skipIf(!settings)('connects, lists tables, imports chosen tables through the engine', async () => {
    const { connectionId, label, tables } = await call(session, 'databases.connect', settings!)
    expect(label).toBe(`${kind}://mods_test@127.0.0.1:${settings!.port}/legacy_care`)
    expect(tables.map((t) => t.name)).toContain('residents')
    const result = await call(session, 'databases.import', { connectionId, tables: ['residents', 'next_of_kin'] })
    expect(result.fileName).toBe(label)
    expect(result.tables.map((t) => [t.name, t.rows, t.headerRow])).toEqual([
      ['residents', 4, null],
      ['next_of_kin', 3, null],
    ])
    const db = session.requireWorkspace().db
    const residents = listSourceTables(db).find((t) => t.name === 'residents')!
    expect(residents.columns.map((c) => c.name).slice(0, 3)).toEqual(['id', 'nhs_number', 'first_name'])
    expect(readRows(db, residents.id, 0, 10).map((r) => [r.rowNumber, r.values[2]])).toEqual([[1, 'Zoë'], [2, 'Łukasz'], [3, 'Siân'], [4, 'Arthur']])
  })

  it.skipIf(!settings)('imports one query; a query that writes changes nothing anywhere', async () => {
    const { connectionId } = await call(session, 'databases.connect', settings!)
    const db = session.requireWorkspace().db
    const before = rowCounts(db)
    const r = await rejectionOf(call(session, 'databases.import', { connectionId, query: 'DELETE FROM next_of_kin' }))
    expect(r.code).toBe('IMPORT_REJECTED')
    expect(rowCounts(db)).toEqual(before)
    const result = await call(session, 'databases.import', { connectionId, query: 'SELECT id, activity FROM activity_log WHERE id <= 2100' })
    expect(result.tables.map((t) => [t.name, t.rows])).toEqual([['query', 2100]])
  })

  it.skipIf(!settings)('keeps the password out of the workspace, the audit and the answers', async () => {
    const secret = settings!.password
    const { connectionId } = await call(session, 'databases.connect', settings!)
    const result = await call(session, 'databases.import', { connectionId, tables: ['current_residents'] })
    expect(JSON.stringify(result)).not.toContain(secret)
    const db = session.requireWorkspace().db
    const dump = JSON.stringify([db.prepare('SELECT * FROM audit_event').all(), db.prepare('SELECT * FROM source').all()])
    expect(dump).toContain('legacy_care')
    expect(dump).not.toContain(secret)
  })

  it.skipIf(!settings)('refuses an unknown connection id', async () => {
    const r = await rejectionOf(call(session, 'databases.import', { connectionId: 'db_nope' }))
    expect([r.code, r.message]).toEqual(['NOT_FOUND', 'That database connection is no longer open; please connect again.'])
  })
})
