/** A second import while one holds the workspace is refused at once, without blocking other work. */
import { describe, expect, it } from 'vitest'
import { call } from '../../../src-main/core/api/dispatcher'
import { Session } from '../../../src-main/core/api/session'
import { inImportTransaction } from '../../../src-main/core/sources/connection'
import { listSources } from '../../../src-main/core/sources'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

describe('competing imports', () => {
  it('refuses a second import quickly with CONFLICT and leaves the first one whole', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const first = writeFile(dir, 'first.csv', 'ID,Name\n1,Ann\n')
    const second = writeFile(dir, 'second.csv', 'ID,Name\n2,Bob\n')
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const holding = inImportTransaction(ws, async () => {
      await gate
    })

    const started = Date.now()
    await expect(importFile(ws, second)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/busy/) })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(listSources(ws.db)).toEqual([])

    release()
    await holding
    await importFile(ws, first)
    expect(listSources(ws.db).map((s) => s.fileName)).toEqual(['first.csv'])
  })

  it('answers a change made meanwhile through the API with CONFLICT after a short wait, not an internal error', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const session = new Session({ actor: { user: 'tester', role: 'data-officer' }, workspacesDir: dir, front: 'test' })
    session.useWorkspace(ws)
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const holding = inImportTransaction(ws, async () => {
      await gate
    })
    const started = Date.now()
    await expect(call(session, 'quality.run', {})).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^The workspace is busy with another change/) })
    expect(Date.now() - started).toBeLessThan(2500)
    release()
    await holding
    await expect(call(session, 'quality.run', {})).resolves.toMatchObject({ recordsChecked: 0 })
  })
})
