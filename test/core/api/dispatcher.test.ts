import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiMethods } from '../../../src-main/contract'
import { call, dispatch } from '../../../src-main/core/api/dispatcher'
import { tempSessions } from '../../helpers/temp'

const session = tempSessions()

describe('dispatcher', () => {
  it('creates, lists and reopens a workspace through the API', async () => {
    const s = session()
    const created = await call(s, 'workspace.create', { name: 'Rose Court' })
    expect(created.fileName).toBe('Rose-Court.modsws')
    await call(s, 'workspace.close', {})
    const list = await call(s, 'workspace.list', {})
    expect(list.map((w) => w.name)).toEqual(['Rose Court'])
    const opened = await call(s, 'workspace.open', { id: created.id })
    expect(opened.id).toBe(created.id)
    const audit = await call(s, 'audit.list', {})
    expect(audit.map((a) => a.action)).toEqual(['workspace.opened', 'workspace.created'])
  })

  it('gives every workspace its own file, keeping names in any script readable', async () => {
    const s = session()
    const create = async (name: string) => {
      const created = await call(s, 'workspace.create', { name })
      expect(created.name).toBe(name.trim())
      return created.fileName
    }
    expect(await create('Test')).toBe('Test.modsws')
    expect(await create('Test!')).toBe('Test (2).modsws')
    expect(await create(' Test ')).toBe('Test (3).modsws')
    expect(await create('护理记录')).toBe('护理记录.modsws')
    expect(await create('护理记录!')).toBe('护理记录 (2).modsws')
    expect(await create('!!!')).toBe('workspace.modsws')
    expect(await create('..')).toBe('workspace (2).modsws')
    expect(await create('CON')).toBe('workspace (3).modsws')
    expect(Buffer.byteLength(await create('记'.repeat(80)))).toBeLessThanOrEqual(255)
    const listed = await call(s, 'workspace.list', {})
    expect(listed.map((w) => w.name).sort()).toEqual(['!!!', '..', 'CON', 'Test', 'Test', 'Test!', '护理记录', '护理记录!', '记'.repeat(80)].sort())
  })

  it('does not reuse a name whose SQLite side files were left behind', async () => {
    const s = session()
    fs.writeFileSync(path.join(s.workspacesDir, 'Oak.modsws-wal'), 'left over')
    expect((await call(s, 'workspace.create', { name: 'Oak' })).fileName).toBe('Oak (2).modsws')
  })

  it('returns a VALIDATION envelope naming the bad field', async () => {
    const result = await dispatch(session(), 'workspace.create', { name: 'bad/name' })
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^name: A workspace name cannot contain/) } })
  })

  it('refuses unknown methods and roles without permission', async () => {
    expect(await dispatch(session(), 'workspace.destroyEverything', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch(session('auditor'), 'workspace.create', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('needs an open workspace for workspace-bound methods', async () => {
    expect(await dispatch(session(), 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
  })

  it('declares at least one role and a doc for every method', () => {
    for (const [name, spec] of Object.entries(apiMethods)) {
      expect(spec.roles.length, name).toBeGreaterThan(0)
      expect(spec.doc.length, name).toBeGreaterThan(10)
    }
  })
})

describe('unexpected errors', () => {
  it('never carry the raw error text (paths, values) across the boundary', async () => {
    const s = session()
    await call(s, 'workspace.create', { name: 'Leaky' })
    s.requireWorkspace().db.close() // any use now throws a driver error naming internals
    const original = console.error
    console.error = () => {}
    try {
      const result = await dispatch(s, 'audit.list', {})
      expect(result).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'Something unexpected went wrong (audit.list). The details were written to the application log; please report them.' },
      })
    } finally {
      console.error = original
    }
  })
})
