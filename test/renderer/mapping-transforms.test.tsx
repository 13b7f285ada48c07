import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApplyResult, FieldMapping, FieldPreview, PreviewDataset, TableMapping } from '../../src-main/contract'
import { ColumnMappingTable } from '../../src-renderer/src/features/mapping/ColumnMappingTable'
import { ApplyReport } from '../../src-renderer/src/features/mapping/ApplyReport'
import type { ItemOption } from '../../src-renderer/src/features/mapping/catalogue-items'
import type { FieldDraft } from '../../src-renderer/src/features/mapping/FieldEditor'
import { FieldEditor } from '../../src-renderer/src/features/mapping/FieldEditor'
import { columnFields, fixedFields, putField } from '../../src-renderer/src/features/mapping/mapping-model'
import { PreviewPanel } from '../../src-renderer/src/features/mapping/PreviewPanel'
import { byText, cleanup, click, fakeTransport, render } from './render'

afterEach(cleanup)

const item = (value: string, label: string, extra: Partial<ItemOption> = {}): ItemOption => ({ value, label, dataset: 'contact', codeList: null, datatype: 'string', confirmed: true, safetyCritical: false, ...extra })
const options = [
  item('contact.family-name', 'Contact: Family name'),
  item('contact.given-name', 'Contact: Given name'),
  item('contact.telephone', 'Contact: Telephone', { confirmed: false, datatype: 'telephone' }),
  item('person-demographics.date-of-birth', 'Person demographics: Date of birth', { dataset: 'person', safetyCritical: true, datatype: 'date' }),
]
const items = new Map(options.map((o) => [o.value, o]))

/** Lets the editor's pause-before-preview timer run. */
const waitForPreview = () => act(async () => new Promise((r) => setTimeout(r, 400)))

function fieldPreview(field: FieldMapping): FieldPreview {
  const split = field.transforms.find((t) => t.op === 'split-name')
  const part = split?.op === 'split-name' ? split.part : null
  const names = [['SMITH, Jane', 'SMITH', 'Jane'], ['Mr Bob Holroyd', 'Holroyd', 'Bob']] as const
  return {
    element: field.element,
    counts: { rows: 2, values: 2, empty: 0, unmapped: 0, invalid: 0 },
    rows: names.map(([raw, family, given], i) => ({ rowNumber: i + 2, raw, text: part === 'given' ? given : family, value: part === 'given' ? given : family })),
    problemRows: [],
    notes: [],
    dates: [],
  }
}

async function openEditor(initial: FieldDraft, replies = {}) {
  const saved: FieldDraft[] = []
  const t = fakeTransport({ 'mapping.previewField': (input) => fieldPreview((input as { field: FieldMapping }).field), ...replies })
  await render(<FieldEditor tableId={2} title="Transforms: NOK Name → Contact: Family name" columns={['Resident ID', 'NOK Name']} sheets={[]} options={options} initial={initial} onSave={(d) => saved.push(d)} onClose={() => undefined} />, t)
  await waitForPreview()
  return { t, saved, dialog: document.querySelector<HTMLElement>('[role="dialog"]')! }
}

describe('the transforms editor', () => {
  it('previews a split full name before and after, and reorders and removes steps', async () => {
    const initial = { dataset: 'contact', field: { element: 'contact.given-name', columns: ['NOK Name'], transforms: [{ op: 'trim' as const }, { op: 'split-name' as const, part: 'given' as const }] } }
    const { t, saved, dialog } = await openEditor(initial)
    const rows = [...dialog.querySelectorAll('table[aria-label="Preview of sample values"] tbody tr')].map((r) => [...r.children].map((c) => c.textContent))
    expect(rows).toEqual([
      ['2', 'SMITH, Jane', 'Jane', 'Jane'],
      ['3', 'Mr Bob Holroyd', 'Bob', 'Bob'],
    ])
    expect(dialog.textContent).toContain('Over all 2 rows: 2 values, 0 blank, 0 failing their datatype, 0 without a code.')

    await click(dialog.querySelector<HTMLElement>('[aria-label="Move Step 2, Split a full name up"]')!)
    await click(dialog.querySelector<HTMLElement>('[aria-label="Remove Step 2, Trim spaces"]')!)
    await waitForPreview()
    const last = t.calls.filter((c) => c.method === 'mapping.previewField').at(-1)
    expect(last?.input).toMatchObject({ tableId: 2, field: { transforms: [{ op: 'split-name', part: 'given' }] } })
    await click(byText(dialog, 'Use these transforms'))
    expect(saved).toEqual([{ dataset: 'contact', field: { element: 'contact.given-name', columns: ['NOK Name'], transforms: [{ op: 'split-name', part: 'given' }] } }])
  })

  it("shows the UK date resolver's decision and the values it could not read", async () => {
    const dates: FieldPreview = {
      element: 'person-demographics.date-of-birth',
      counts: { rows: 3, values: 2, empty: 0, unmapped: 0, invalid: 1 },
      rows: [{ rowNumber: 4, raw: '31/02/1938', text: null, value: null, problem: "'31/02/1938' is not a date." }],
      problemRows: [],
      notes: [],
      dates: [
        {
          order: 'dmy',
          reasoning: ["2 value(s) have a first number above 12 (e.g. '23/11/1938') and none a second number above 12: day first (dd/mm/yyyy)."],
          counts: { values: 3, parsed: 2, unparseable: 1, excelSerial: 0, textMonth: 0, iso: 0, twoDigitYear: 0, ambiguous: 0 },
          unparseableExamples: ['31/02/1938'],
        },
      ],
    }
    const initial = { dataset: 'person', field: { element: 'person-demographics.date-of-birth', columns: ['D.O.B'], transforms: [{ op: 'uk-date' as const, order: 'auto' as const, pivotYear: 10, excelSystem: '1900' as const }] } }
    const { dialog } = await openEditor(initial, { 'mapping.previewField': () => dates })
    expect(dialog.textContent).toContain('UK date: read as day first (dd/mm/yyyy)')
    expect(dialog.textContent).toContain("2 value(s) have a first number above 12 (e.g. '23/11/1938')")
    expect(dialog.textContent).toContain('1 value could not be read, for example: “31/02/1938”')
    expect(dialog.querySelector('table[aria-label="Preview of sample values"] tbody td:last-child')?.textContent).toBe("⚠ Problem: '31/02/1938' is not a date.")
    expect(dialog.textContent).toContain('Safety-critical')
  })
})

describe('catalogue badges and problem markers', () => {
  it('marks unconfirmed and safety-critical items in words, and failing values in the preview', async () => {
    const preview: PreviewDataset[] = [
      {
        dataset: 'contact',
        elements: ['contact.family-name', 'contact.telephone'],
        notes: [],
        rows: [{ rowNumber: 2, cells: { 'contact.family-name': { value: 'Smith', raw: 'SMITH, Jane' }, 'contact.telephone': { value: null, raw: '0770', problem: "'0770' is not a phone number." } } }],
      },
    ]
    const view = await render(<PreviewPanel datasets={preview} items={items} />, fakeTransport({}))
    const headers = [...view.querySelectorAll('thead th')].map((th) => th.textContent?.trim())
    expect(headers).toEqual(['Row', 'Contact: Family name', 'Contact: Telephone Unconfirmed: details not confirmed from the published MODS standard'])
    const bad = view.querySelector<HTMLElement>('td[data-problem]')!
    expect(bad.textContent).toBe("⚠ Problem: '0770' is not a phone number. (was “0770”)")
    expect(bad.style.background).toContain('red')
    expect(view.textContent).toContain('1 value in these rows fail their datatype or have no code')
  })

  it('lists apply counts and each problem with its sheet, row and column and what to do', async () => {
    const result: ApplyResult = {
      datasets: { person: { records: 64, inserted: 64, updated: 0, unchanged: 0, deleted: 0 }, contact: { records: 64, inserted: 64, updated: 0, unchanged: 0, deleted: 0 } },
      orphans: 1,
      unmappedValues: 0,
      invalidValues: 0,
      repeatedKeys: 0,
      problems: [{ kind: 'orphan', dataset: 'contact', element: null, value: null, count: 1 }],
    }
    const problem = { kind: 'orphan', dataset: 'contact', recordKey: 't2r9', element: null, file: 'sunnyside.xlsx', sheet: 'Next of Kin', rowNumber: 11, column: null, value: 'R9999', message: "No person has the key 'R9999'." }
    const t = fakeTransport({ 'mapping.problems': () => ({ total: 1, problems: [problem] }) })
    const view = await render(<ApplyReport result={result} itemLabel={(id) => id} onIssues={() => undefined} />, t)
    expect([...view.querySelectorAll('table[aria-label="Records written"] tbody tr')].map((r) => r.textContent)).toEqual(['person6464000', 'contact6464000'])
    expect(t.calls).toEqual([{ method: 'mapping.problems', input: { kind: 'orphan', limit: 100 } }])
    const row = view.querySelector('table[aria-label="Mapping problems"] tbody tr')!
    expect([...row.children].map((c) => c.textContent)).toEqual(['sunnyside.xlsx, sheet Next of Kin, row 11', 'contact record', 'R9999', "No person has the key 'R9999'."])
    expect(view.textContent).toContain('Check the person key in that row matches a person')
  })
})

describe('mapping edits with several items per column and fixed values', () => {
  const table: TableMapping = {
    tableId: 2,
    personKey: 'Resident ID',
    datasets: [
      {
        dataset: 'contact',
        fields: [
          { element: 'contact.family-name', columns: ['NOK Name'], transforms: [{ op: 'split-name', part: 'family' }] },
          { element: 'contact.given-name', columns: ['NOK Name'], transforms: [{ op: 'split-name', part: 'given' }] },
        ],
      },
    ],
  }

  it('shows both items of a split name with their transforms, badges and buttons', async () => {
    const suggestions = {
      tableId: 2,
      table: 'Next of Kin',
      dataset: 'contact',
      personKey: 'Resident ID',
      columns: [
        { column: 'NOK Name', suggestions: [] },
        { column: 'NOK Tel', suggestions: [] },
      ],
    }
    const withTel = putField(table, 'contact', { element: 'contact.telephone', columns: ['NOK Tel'], transforms: [] })
    const edited: string[] = []
    const view = await render(
      <ColumnMappingTable suggestions={suggestions} table={withTel} options={options} onAssign={() => undefined} onAddItem={() => undefined} onEdit={(e) => edited.push(e)} onRemove={() => undefined} onValueMap={() => undefined} />,
      fakeTransport({}),
    )
    const [name, tel] = [...view.querySelectorAll('tbody tr')]
    expect(name?.textContent).toContain('Also: Contact: Given name')
    expect(name?.textContent).toContain('Split a full name (family)')
    expect(name?.textContent).toContain('Split a full name (given)')
    expect(tel?.querySelector('[data-badge="unconfirmed"]')?.textContent).toBe('Unconfirmed: details not confirmed from the published MODS standard')
    await click(view.querySelector<HTMLElement>('[aria-label="Transforms for NOK Name → Contact: Given name"]')!)
    await click(view.querySelector<HTMLElement>('[aria-label="Transforms for NOK Name"]')!)
    expect(edited).toEqual(['contact.given-name', 'contact.family-name'])
  })

  it('keeps every item a column feeds, and puts a field back in its place', () => {
    expect(columnFields(table).get('NOK Name')?.map((a) => a.field.element)).toEqual(['contact.family-name', 'contact.given-name'])
    const trimmed = putField(table, 'contact', { element: 'contact.family-name', columns: ['NOK Name'], transforms: [{ op: 'split-name', part: 'family' }, { op: 'case', to: 'title' }] })
    expect(trimmed.datasets[0]?.fields.map((f) => [f.element, f.transforms.length])).toEqual([
      ['contact.family-name', 2],
      ['contact.given-name', 1],
    ])
    const withOds = putField(table, 'person', { element: 'subject-of-care.general-practice', columns: [], transforms: [{ op: 'constant', value: 'B82005' }] })
    expect(fixedFields(withOds).map((a) => [a.dataset, a.field.element])).toEqual([['person', 'subject-of-care.general-practice']])
  })
})
