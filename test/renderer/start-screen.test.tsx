import { describe, expect, it } from 'vitest'
import { App } from '../../src-renderer/src/app/App'
import { byText, click, fakeTransport, render, type } from './render'

const info = {
  appVersion: '0.1.0',
  modsVersion: '1.0',
  catalogueVersion: '2026-11',
  fhirVersion: '4.0.1',
  ukCoreVersion: 'STU2 2.0.2',
  actor: { user: 'ann', role: 'administrator' },
  workspace: null,
  front: 'test',
}
const ws = { id: 'w1', name: 'Oak Lodge', fileName: 'Oak-Lodge.modsws', createdAt: '2026-11-25T10:00:00Z', schemaVersion: 1 }

describe('Start screen', () => {
  it('shows versions and recent workspaces with UK dates', async () => {
    const t = fakeTransport({
      'session.info': () => info,
      'workspace.list': () => [{ id: 'w1', name: 'Oak Lodge', fileName: 'Oak-Lodge.modsws', modifiedAt: '2026-03-04T09:05:00' }],
    })
    const view = await render(<App />, t)
    expect(byText(view, 'MODS catalogue').nextElementSibling?.textContent).toBe('2026-11')
    expect(view.textContent).toContain('04/03/2026 09:05')
    expect(view.querySelector('button[aria-label="Open Oak Lodge"]')).not.toBeNull()
  })

  it('creates a workspace and moves on, even if the versions cannot be read', async () => {
    const t = fakeTransport({
      'session.info': () => {
        throw new Error('catalogue missing')
      },
      'workspace.list': () => [],
      'workspace.create': () => ws,
    })
    const view = await render(<App />, t)
    expect(view.textContent).toContain('Problem: could not read the versions')
    expect(view.textContent).toContain('No workspaces yet')
    await type(view.querySelector('input')!, 'Oak Lodge')
    await click(byText(view, 'Create'))
    expect(t.calls.find((c) => c.method === 'workspace.create')?.input).toEqual({ name: 'Oak Lodge' })
    expect(view.textContent).toContain('Workspace: Oak Lodge')
  })

  it('explains a refused workspace name', async () => {
    const t = fakeTransport({
      'session.info': () => info,
      'workspace.list': () => [],
      'workspace.create': () => {
        throw new Error('A workspace name cannot contain / \\ : * ? " < > |')
      },
    })
    const view = await render(<App />, t)
    await type(view.querySelector('input')!, 'a/b')
    await click(byText(view, 'Create'))
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('A workspace name cannot contain')
  })
})
