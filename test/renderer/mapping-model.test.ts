import { describe, expect, it } from 'vitest'
import type { TableMapping } from '../../src-main/contract'
import { assignColumn, columnAssignments, replaceTable, setValueMap } from '../../src-renderer/src/features/mapping/mapping-model'

const table: TableMapping = {
  tableId: 1,
  personKey: 'Resident ID',
  datasets: [
    {
      dataset: 'person',
      fields: [
        { element: 'person-name.family-name', columns: ['Surname'], transforms: [] },
        { element: 'person-demographics.gender-identity', columns: ['Sex'], transforms: [], valueMap: { f: 'female' } },
        { element: 'subject-of-care.general-practice', columns: [], transforms: [{ op: 'constant', value: 'B82005' }] },
      ],
    },
  ],
}

describe('column-centred mapping edits', () => {
  it('finds the field each column feeds', () => {
    const map = columnAssignments(table)
    expect(map.get('Surname')?.field.element).toBe('person-name.family-name')
    expect(map.get('Sex')?.dataset).toBe('person')
    expect(map.has('Tel')).toBe(false)
  })

  it('moves a column to another item, keeping constant fields', () => {
    const next = assignColumn(table, 'Surname', { element: 'person-name.given-name', dataset: 'person' })
    expect(next.datasets[0]?.fields.map((f) => [f.element, f.columns])).toEqual([
      ['person-demographics.gender-identity', ['Sex']],
      ['subject-of-care.general-practice', []],
      ['person-name.given-name', ['Surname']],
    ])
  })

  it('adds a dataset when the item belongs to a new one, and unmaps cleanly', () => {
    const withContact = assignColumn(table, 'NOK Phone', { element: 'contact.telephone', dataset: 'contact', transforms: [{ op: 'phone' }] })
    expect(withContact.datasets.map((d) => d.dataset)).toEqual(['person', 'contact'])
    expect(withContact.datasets[1]?.fields[0]).toEqual({ element: 'contact.telephone', columns: ['NOK Phone'], transforms: [{ op: 'phone' }] })
    const unmapped = assignColumn(withContact, 'NOK Phone', null)
    expect(unmapped.datasets.map((d) => d.dataset)).toEqual(['person'])
  })

  it('sets a value map on one item only and replaces the table in the mapping', () => {
    const next = setValueMap(table, 'person-demographics.gender-identity', { f: 'female', m: 'male', unknown: null })
    expect(next.datasets[0]?.fields[1]?.valueMap).toEqual({ f: 'female', m: 'male', unknown: null })
    expect(next.datasets[0]?.fields[0]?.valueMap).toBeUndefined()
    const mapping = replaceTable({ tables: [{ tableId: 2, personKey: null, datasets: [] }, table] }, next)
    expect(mapping.tables.map((t) => t.tableId)).toEqual([1, 2])
    expect(mapping.tables[0]).toBe(next)
  })
})
