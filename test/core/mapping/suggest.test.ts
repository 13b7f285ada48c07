import { afterEach, describe, expect, it } from 'vitest'
import { autoMapping, saveMapping, suggestTable } from '../../../src-main/core/mapping'
import { createRawTable } from '../../helpers/raw-table'
import { actor, cleanUp, sunnysideWorkspace } from './workspace-fixture'

afterEach(cleanUp)

const top = (s: ReturnType<typeof suggestTable>, column: string) => s.columns.find((c) => c.column === column)!.suggestions[0]

describe('suggestions', () => {
  it('ranks the right MODS item first for every Sunnyside resident column, with reasons', () => {
    const { ws, residents } = sunnysideWorkspace()
    const s = suggestTable(ws.db, residents)
    expect(s.dataset).toBe('person')
    expect(s.personKey).toBe('Resident ID')
    const expected: Record<string, string> = {
      'Resident ID': 'subject-of-care.local-identifier',
      Title: 'person-name.title',
      Forename: 'person-name.given-name',
      Surname: 'person-name.family-name',
      'D.O.B': 'person-demographics.date-of-birth',
      Sex: 'person-demographics.gender-identity',
      'NHS No': 'subject-of-care.nhs-number',
      'Post Code': 'person-contact-details.postcode',
      Tel: 'person-contact-details.telephone',
      Ethnicity: 'person-demographics.ethnicity',
      'Interpreter?': 'person-demographics.interpreter-required',
      Allergies: 'allergy.causative-agent',
    }
    for (const [column, item] of Object.entries(expected)) expect(top(s, column)?.item, column).toBe(item)
    const dob = top(s, 'D.O.B')!
    expect(dob.confidence).toBeGreaterThan(0.85)
    expect(dob.label).toBe('Date of birth')
    expect(dob.class).toBe('Person demographics')
    expect(dob.reason).toMatch(/header .*'date of birth'.*; 67% of values are dd\/mm\/yyyy-style dates/)
    expect(top(s, 'NHS No')!.reason).toMatch(/100% of values are valid NHS numbers \(Modulus 11\)/)
  })

  it('reads generic headers in the light of the sheet (Next of Kin) and splits full names', () => {
    const { ws, kin } = sunnysideWorkspace()
    const s = suggestTable(ws.db, kin)
    expect(s.dataset).toBe('contact')
    expect(top(s, 'NOK Tel')!.item).toBe('contact.telephone')
    expect(top(s, 'Relationship')!.item).toBe('contact.relationship')
    const name = s.columns.find((c) => c.column === 'NOK Name')!
    expect(name.suggestions.slice(0, 2).map((x) => [x.item, x.transforms])).toEqual([
      ['contact.family-name', [{ op: 'split-name', part: 'family' }]],
      ['contact.given-name', [{ op: 'split-name', part: 'given' }]],
    ])
  })

  it('leaves columns that match nothing unmapped, with the reason', () => {
    const { ws } = sunnysideWorkspace()
    const id = createRawTable(ws.db, { name: 'Sheet1', columns: ['Room', 'Zzq'], rows: [['12', 'abc'], ['14', 'def']] })
    const s = suggestTable(ws.db, id)
    expect(s.columns[1]).toEqual({ column: 'Zzq', suggestions: [], unmapped: "No MODS item matches the header 'Zzq' or its values." })
    expect(s.columns[0]!.unmapped).toBeDefined()
  })

  it('suggests an NHS number column from its values alone', () => {
    const { ws } = sunnysideWorkspace()
    const id = createRawTable(ws.db, { name: 'Sheet1', columns: ['Ref A'], rows: [['9434765919'], ['943 476 5870']] })
    const [column] = suggestTable(ws.db, id).columns
    expect(column!.suggestions[0]).toMatchObject({ item: 'subject-of-care.nhs-number', reason: 'header not recognised; 100% of values are valid NHS numbers (Modulus 11)' })
    expect(column!.suggestions[0]!.confidence).toBeGreaterThanOrEqual(0.6)
  })

  it('remembers what a header was mapped to in this workspace', () => {
    const { ws } = sunnysideWorkspace()
    const a = createRawTable(ws.db, { name: 'Sheet1', columns: ['Keyworker Notes'], rows: [['likes tea']] })
    expect(suggestTable(ws.db, a).columns[0]!.suggestions[0]?.item).not.toBe('alert.free-text')
    saveMapping(ws.db, actor, { tables: [{ tableId: a, personKey: null, datasets: [{ dataset: 'alert', fields: [{ element: 'alert.free-text', columns: ['Keyworker Notes'], transforms: [] }] }] }] })
    const b = createRawTable(ws.db, { name: 'Sheet2', file: 'other.csv', columns: ['keyworker_notes'], rows: [['walks daily']] })
    const [first] = suggestTable(ws.db, b).columns[0]!.suggestions
    expect(first).toMatchObject({ item: 'alert.free-text', reason: expect.stringMatching(/^mapped to this item before in this workspace/) })
    expect(first!.confidence).toBeGreaterThanOrEqual(0.93)
  })

  it('builds an automatic mapping: person key, split names, child sheets feed only their dataset', () => {
    const { ws, residents, kin } = sunnysideWorkspace()
    const m = autoMapping(ws.db, [residents, kin])
    const [res, nok] = m.tables
    expect(res!.personKey).toBe('Resident ID')
    expect(res!.datasets.map((d) => d.dataset).sort()).toEqual(['allergy', 'person'])
    expect(nok!.datasets.map((d) => d.dataset)).toEqual(['contact'])
    const nokFields = nok!.datasets[0]!.fields.map((f) => f.element).sort()
    expect(nokFields).toEqual(['contact.email', 'contact.family-name', 'contact.given-name', 'contact.lasting-power-of-attorney', 'contact.relationship', 'contact.telephone'])
    const dob = res!.datasets.find((d) => d.dataset === 'person')!.fields.find((f) => f.element === 'person-demographics.date-of-birth')!
    expect(dob.transforms).toEqual([{ op: 'uk-date', order: 'auto', pivotYear: 10, excelSystem: '1900' }])
  })

  it('reads bare name-part headers as names, never as an address on header text alone', () => {
    const { ws } = sunnysideWorkspace()
    const headers = ['First', 'Forename', 'First name', 'Last', 'Surname']
    const id = createRawTable(ws.db, { name: 'Sheet1', columns: headers, rows: [['Mary', 'Mary', 'Mary', 'Smith', 'Smith'], ['John', 'John', 'John', 'Holroyd', 'Holroyd']] })
    const s = suggestTable(ws.db, id)
    expect(headers.map((h) => top(s, h)?.item)).toEqual(['person-name.given-name', 'person-name.given-name', 'person-name.given-name', 'person-name.family-name', 'person-name.family-name'])
    const first = s.columns.find((c) => c.column === 'First')!
    expect(first.suggestions.filter((x) => x.item.includes('address'))).toEqual([])
  })

  it('keys people by a complete, unique ID column rather than an NHS number with blanks', () => {
    const { ws } = sunnysideWorkspace()
    const people = createRawTable(ws.db, { name: 'People', file: 'people.csv', columns: ['NHS', 'ID', 'First', 'Last'], rows: [
      ['943 476 5919', '1', 'Mary', 'Smith'], ['', '2', 'John', 'Holroyd'], ['', '3', 'Ann', 'Hirst'], ['9434765870', '4', 'Bob', 'Jones'], ['', '5', 'Eve', 'Wood']] })
    const allergies = createRawTable(ws.db, { name: 'Allergies', file: 'allergies.csv', columns: ['NHS', 'ID', 'Allergy'], rows: [['943 476 5919', '1', 'Penicillin'], ['', '2', 'Latex'], ['', '2', 'Nuts']] })
    const m = autoMapping(ws.db, [people, allergies])
    expect(m.tables.map((t) => t.personKey)).toEqual(['ID', 'ID'])
    // With no ID-like column, a complete NHS number is still the key.
    const nhsOnly = createRawTable(ws.db, { name: 'Residents 2', columns: ['NHS No', 'Forename'], rows: [['943 476 5919', 'Mary'], ['9434765870', 'John']] })
    expect(suggestTable(ws.db, nhsOnly).personKey).toBe('NHS No')
  })
})
