import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-renderer/src/app/App'
import { byText, click, fakeTransport, render, settle } from './render'

const ws = { id: 'w1', name: 'Sunnyside', fileName: 'Sunnyside.modsws', createdAt: '2026-11-25T10:00:00Z', schemaVersion: 1 }
const info = { appVersion: '0.1.0', modsVersion: '1.0.0', catalogueVersion: '0.1.0', fhirVersion: '4.0.1', ukCoreVersion: '2.0.2', actor: { user: 'ann', role: 'administrator' }, workspace: ws, front: 'test' }
const table = (id: number, name: string) => ({ id, name, sheet: name, hidden: false, headerRow: 1, rowCount: 64, columns: [{ ordinal: 0, name: 'Surname', sqlName: 'c0' }], warnings: [], previousTableId: null })
const sources = [{ id: 1, fileName: 'sunnyside.xlsx', format: 'xlsx', sha256: 'a', sizeBytes: 1, importedAt: '2026-11-25T10:00:00Z', previousSourceId: null, tables: [table(1, 'Residents'), table(2, 'Next of Kin')] }]
const catalogue = {
  modsVersion: '1.0.0',
  catalogueVersion: '0.1.0',
  classes: [{ id: 'person-name', name: 'Person name', dataset: 'person' }],
  elements: [{ id: 'person-name.family-name', classId: 'person-name', name: 'Family name', datatype: 'string', codeList: null, confirmed: true, safetyCritical: false }],
}
const suggest = (input: unknown) => {
  const tableId = (input as { tableId: number }).tableId
  return { tableId, table: tableId === 1 ? 'Residents' : 'Next of Kin', dataset: 'person', personKey: null, columns: [{ column: 'Surname', suggestions: [] }] }
}
const mapped = (tableId: number) => ({ tableId, personKey: null, datasets: [{ dataset: 'person', fields: [{ element: 'person-name.family-name', columns: ['Surname'], transforms: [] }] }] })

async function editMapping() {
  const t = fakeTransport({
    'session.info': () => info,
    'workspace.list': () => [],
    'sources.list': () => sources,
    'mods.catalogue': () => catalogue,
    'mapping.suggest': suggest,
    'mapping.get': () => ({ tables: [mapped(1), mapped(2)] }),
    'mapping.save': () => null,
  })
  const view = await render(<App />, t)
  await click(byText(view, '4. Mapping'))
  await until(() => view.textContent?.includes('Mapping: Residents'), 'the mapping')
  await click(view.querySelector<HTMLElement>('[aria-label="Unmap Surname"]')!)
  expect(view.textContent).toContain('You have unsaved changes')
  return { t, view }
}

/** Waits (up to 2 s) for Mantine's transitions and timers to give what `get` looks for. */
async function until<T>(get: () => T | null | undefined | false, what: string): Promise<T> {
  for (let waited = 0; waited < 2000; waited += 20) {
    const found = get()
    if (found) return found
    await act(async () => new Promise((r) => setTimeout(r, 20)))
  }
  throw new Error(`still waiting for ${what}`)
}
const dialog = () => until(() => document.querySelector<HTMLElement>('[role="dialog"]'), 'the dialog')
const current = (view: HTMLElement) => view.querySelector('nav [aria-current="page"]')?.textContent

describe('unsaved mapping changes', () => {
  it('asks before leaving the screen, with Stay focused, and Stay keeps the edits', async () => {
    const { view } = await editMapping()
    await click(byText(view, '3. Data'))
    expect((await dialog()).textContent).toContain('You have unsaved changes to the mapping of Residents.')
    await until(() => document.activeElement?.textContent === 'Stay', 'focus on Stay')
    await click(byText(await dialog(), 'Stay'))
    expect(current(view)).toMatch(/^4\. Mapping/)
    expect(view.textContent).toContain('You have unsaved changes')
  })

  it('Discard leaves without saving; Save saves, then leaves', async () => {
    const { t, view } = await editMapping()
    await click(byText(view, '3. Data'))
    await click(byText(await dialog(), 'Discard'))
    expect(current(view)).toMatch(/^3\. Data/)
    expect(t.calls.some((c) => c.method === 'mapping.save')).toBe(false)

    await click(byText(view, '4. Mapping'))
    await click(view.querySelector<HTMLElement>('[aria-label="Unmap Surname"]')!)
    await click(byText(view, '5. Issues'))
    await click(byText(await dialog(), 'Save'))
    expect(current(view)).toMatch(/^5\. Issues/)
    const saved = t.calls.find((c) => c.method === 'mapping.save')?.input as { mapping: { tables: { tableId: number; datasets: unknown[] }[] } }
    expect(saved.mapping.tables.find((m) => m.tableId === 1)?.datasets).toEqual([])
  })

  it('asks before switching sheet', async () => {
    const { view } = await editMapping()
    await click(document.getElementById(byText(view, 'Table').getAttribute('for')!)!)
    await click(document.querySelector<HTMLElement>('[role="option"][value="2"]')!)
    expect((await dialog()).textContent).toContain('the mapping of Residents')
    await click(byText(await dialog(), 'Discard'))
    expect(view.textContent).toContain('Mapping: Next of Kin')
  })

  it('warns on unload only while there are unsaved edits', async () => {
    const { t, view } = await editMapping()
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true })
      act(() => void window.dispatchEvent(event))
      return event.defaultPrevented
    }
    expect(unload()).toBe(true)
    await click(byText(view, 'Save mapping'))
    await settle()
    expect(t.calls.some((c) => c.method === 'mapping.save')).toBe(true)
    expect(unload()).toBe(false)
  })
})
