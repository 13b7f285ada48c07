import { readFileSync } from 'node:fs'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { VirtualGrid } from '../../src-renderer/src/features/data/VirtualGrid'
import { MappingScreen } from '../../src-renderer/src/features/mapping/MappingScreen'
import { fakeTransport, render, settle } from './render'

const longName = 'Person contact details: Address line 2 (the street, or the building within a site)'
const catalogue = {
  modsVersion: '1.0.0',
  catalogueVersion: '0.1.0',
  classes: [{ id: 'person-contact', name: 'Person contact details', dataset: 'person' }, { id: 'person-demographics', name: 'Person demographics', dataset: 'person' }],
  elements: [
    { id: 'person-contact.address-line-2', classId: 'person-contact', name: 'Address line 2 (the street, or the building within a site)', datatype: 'string', codeList: null, confirmed: true, safetyCritical: false },
    { id: 'person-demographics.sex', classId: 'person-demographics', name: 'Sex', datatype: 'code', codeList: 'sex', confirmed: true, safetyCritical: false },
  ],
}
const field = (element: string, column: string) => ({ element, columns: [column], transforms: [] })
const replies = {
  'mods.catalogue': () => catalogue,
  'sources.list': () => [],
  'mapping.suggest': () => ({ tableId: 1, table: 'Residents', dataset: 'person', personKey: null, columns: [{ column: 'Address 2', suggestions: [] }, { column: 'Sex', suggestions: [] }] }),
  'mapping.get': () => ({ tables: [{ tableId: 1, personKey: null, datasets: [{ dataset: 'person', fields: [field('person-contact.address-line-2', 'Address 2'), field('person-demographics.sex', 'Sex')] }] }] }),
  'mapping.valueMap': () => ({ codeList: 'sex', codes: [], values: [] }),
  'mapping.previewField': () => ({ element: '', counts: { rows: 0, values: 0, empty: 0, unmapped: 0, invalid: 0 }, rows: [], problemRows: [], notes: [], dates: [] }),
}
const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)))

describe('keyboard focus', () => {
  it.each(['Transforms for Address 2', 'Value map for Sex'])('returns to “%s” after its dialog is closed with Escape', async (name) => {
    const view = await render(<MappingScreen tableId={1} onIssues={() => undefined} />, fakeTransport(replies))
    const opener = view.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!
    act(() => opener.focus())
    await act(async () => opener.click())
    await wait(50)
    const dialog = document.querySelector('[role="dialog"]')!
    expect(dialog.contains(document.activeElement)).toBe(true)
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })))
    await wait(50)
    await settle()
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('draws the grid header sort buttons’ focus ring inside them, where the clipping cell cannot hide it', async () => {
    const view = await render(<VirtualGrid label="Rows" columns={['Surname']} onSort={() => undefined} rowCount={0} loadPage={async () => []} />, fakeTransport({}))
    const button = view.querySelector('[role="columnheader"] > button')!
    expect(button.classList.contains('grid-sort-button')).toBe(true)
    const css = readFileSync('src-renderer/src/app.css', 'utf8')
    expect(css).toMatch(/\[role='columnheader'\] > \.grid-sort-button:focus-visible \{\s*outline-offset: -2px;/)
  })
})

describe('long MODS item names', () => {
  it('shows the chosen item’s full name in a tooltip when its picker is focused', async () => {
    const view = await render(<MappingScreen tableId={1} onIssues={() => undefined} />, fakeTransport(replies))
    const input = view.querySelector<HTMLInputElement>('input[aria-label="MODS item for Address 2"]')!
    expect(input.value).toBe(longName)
    act(() => input.focus())
    await wait(400)
    expect(document.querySelector('[role="tooltip"]')?.textContent).toBe(longName)
  })
})
