import { afterEach, describe, expect, it } from 'vitest'
import type { Mapping } from '../../../src-main/contract/methods/mapping'
import { applyMapping, autoMapping, getMapping, previewTable, saveMapping, valueMapView } from '../../../src-main/core/mapping'
import { listAudit } from '../../../src-main/core/workspace'
import { createRawTable } from '../../helpers/raw-table'
import { call } from '../../../src-main/core/api/dispatcher'
import { Session } from '../../../src-main/core/api/session'
import { loadRules, runChecks, shippedQualityCatalogue } from '../../../src-main/core/quality'
import { actor, cleanUp, residentColumns, residentRows, sunnysideWorkspace } from './workspace-fixture'

afterEach(cleanUp)

function records(db: import('better-sqlite3').Database, dataset: string) {
  return (db.prepare('SELECT * FROM mods_record WHERE dataset = ? ORDER BY id').all(dataset) as { record_key: string; person_key: string; source_row_id: number; values_json: string; lineage_json: string }[]).map((r) => ({
    ...r,
    values: JSON.parse(r.values_json) as Record<string, string>,
    lineage: JSON.parse(r.lineage_json) as Record<string, { tableId: number; rowId: number; column: string }>,
  }))
}

function setup() {
  const fixture = sunnysideWorkspace()
  const mapping = autoMapping(fixture.ws.db, [fixture.residents, fixture.kin])
  saveMapping(fixture.ws.db, actor, mapping)
  return { ...fixture, mapping }
}

describe('apply', () => {
  it('writes normalised MODS values with lineage to the source cell', () => {
    const { ws, residents } = setup()
    const result = applyMapping(ws.db, actor)
    expect(result.datasets.person).toEqual({ records: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0 })
    const [mary, john] = records(ws.db, 'person')
    expect(mary!.record_key).toBe('R0001')
    expect(mary!.values).toMatchObject({
      'subject-of-care.local-identifier': 'R0001',
      'person-demographics.date-of-birth': '1941-04-03',
      'person-demographics.gender-identity': '2',
      'subject-of-care.nhs-number': '9434765919',
      'person-contact-details.postcode': 'LS6 2AB',
      'person-contact-details.telephone': '01632960123',
      'person-demographics.ethnicity': 'A',
      'person-demographics.interpreter-required': 'N',
    })
    expect(mary!.lineage['person-demographics.date-of-birth']).toEqual({ tableId: residents, rowId: 1, column: 'D.O.B' })
    expect(john!.values['person-demographics.interpreter-required']).toBe('Y')
    expect(records(ws.db, 'allergy').map((r) => [r.person_key, r.values])).toEqual([['R0001', { 'allergy.causative-agent': 'Penicillin' }]])
    const contacts = records(ws.db, 'contact')
    expect(contacts.map((c) => [c.person_key, c.values['contact.family-name'], c.values['contact.given-name'], c.values['contact.relationship']])).toEqual([
      ['R0001', 'SMITH', 'Jane', 'DAUC'],
      ['R0002', 'Holroyd', 'Bob', 'SONC'],
      ['R9999', 'Nobody', 'Ada', undefined],
    ])
  })

  it('reports orphans, unmapped coded values and invalid values, and audits the counts', () => {
    const { ws } = setup()
    const result = applyMapping(ws.db, actor)
    expect(result.orphans).toBe(1)
    expect(result.unmappedValues).toBe(2) // ethnicity 'Brit', relationship 'Niece'
    expect(result.invalidValues).toBe(1) // 31/02/1938
    const problems = ws.db.prepare('SELECT kind, element_id, source_row_id, source_column, value FROM mapping_problem ORDER BY kind, element_id').all()
    expect(problems).toEqual([
      { kind: 'invalid-value', element_id: 'person-demographics.date-of-birth', source_row_id: 3, source_column: 'D.O.B', value: '31/02/1938' },
      { kind: 'orphan', element_id: null, source_row_id: 3, source_column: null, value: 'R9999' },
      { kind: 'unmapped-value', element_id: 'contact.relationship', source_row_id: 3, source_column: 'Relationship', value: 'Niece' },
      { kind: 'unmapped-value', element_id: 'person-demographics.ethnicity', source_row_id: 2, source_column: 'Ethnicity', value: 'Brit' },
    ])
    const [event] = listAudit(ws.db, { limit: 1, action: 'mapping.applied' })
    expect(event!.details).toMatchObject({ orphans: 1, unmappedValues: 2, invalidValues: 1 })
  })

  it('re-applies incrementally: only records whose mapping or inputs changed are rewritten', () => {
    const { ws, residents } = setup()
    applyMapping(ws.db, actor)
    const again = applyMapping(ws.db, actor)
    expect(again.datasets.person).toEqual({ records: 3, inserted: 0, updated: 0, unchanged: 3, deleted: 0 })
    // A value map for 'Brit' changes one person; a source edit changes another.
    const mapping: Mapping = getMapping(ws.db)
    const person = mapping.tables.find((t) => t.tableId === residents)!.datasets.find((d) => d.dataset === 'person')!
    person.fields.find((f) => f.element === 'person-demographics.ethnicity')!.valueMap = { brit: 'A' }
    saveMapping(ws.db, actor, mapping)
    ws.db.prepare(`UPDATE raw_${residents} SET c7 = 'LS1 4AB' WHERE _row_id = 1`).run()
    const third = applyMapping(ws.db, actor)
    expect(third.datasets.person).toEqual({ records: 3, inserted: 0, updated: 2, unchanged: 1, deleted: 0 })
    expect(third.unmappedValues).toBe(1)
    expect(records(ws.db, 'person')[1]!.values['person-demographics.ethnicity']).toBe('A')
    // Dropping the allergy dataset removes the records it made.
    for (const t of mapping.tables) t.datasets = t.datasets.filter((d) => d.dataset !== 'allergy')
    saveMapping(ws.db, actor, mapping)
    expect(applyMapping(ws.db, actor).datasets.allergy).toEqual({ records: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 1 })
  })

  it('previews the first rows per dataset with failures highlighted and the date reasoning', () => {
    const { ws, residents, mapping } = setup()
    const [person] = previewTable(ws.db, mapping.tables.find((t) => t.tableId === residents)!, 3).filter((d) => d.dataset === 'person')
    expect(person!.rows).toHaveLength(3)
    expect(person!.rows[0]!.cells['person-demographics.date-of-birth']).toEqual({ value: '1941-04-03', raw: '03/04/1941' })
    expect(person!.rows[2]!.cells['person-demographics.date-of-birth']).toEqual({ value: null, raw: '31/02/1938', problem: "'31/02/1938' is not a date." })
    expect(person!.rows[1]!.cells['person-demographics.ethnicity']!.problem).toBe("'Brit' has no Ethnicity code: add it to the value map.")
    expect(person!.notes.some((n) => n.startsWith('Date of birth: 2 value(s) have a first number above 12'))).toBe(true)
  })

  it('lists distinct values of a coded item with counts and suggested codes', () => {
    const { ws, residents, mapping } = setup()
    const view = valueMapView(ws.db, mapping.tables.find((t) => t.tableId === residents)!, 'person-demographics.gender-identity')
    expect(view.codeList).toBe('gender-identity')
    expect(view.values.map((v) => [v.value, v.count, v.suggested])).toEqual([
      ['F', 1, '2'],
      ['Male', 1, '1'],
    ])
  })

  it('refuses a mapping that names a missing column, changing nothing', () => {
    const { ws, residents } = sunnysideWorkspace()
    const bad: Mapping = { tables: [{ tableId: residents, personKey: 'Resident ID', datasets: [{ dataset: 'person', fields: [{ element: 'person-name.title', columns: ['Salutation'], transforms: [] }] }] }] }
    expect(() => saveMapping(ws.db, actor, bad)).toThrow("Sheet 'Residents' has no column 'Salutation'.")
    expect(getMapping(ws.db).tables).toEqual([])
  })

  it('never mixes two rows of one sheet that share a person ID: the later row is left out and reported with both rows', () => {
    const { ws } = sunnysideWorkspace()
    // Row 5 reuses R0001 (written r0001): another person, whose NHS number and birth date must not reach Mary's record.
    const peter = ['r0001', 'Mr', 'Peter', 'Jones', '15/06/1990', 'M', '9434765870', 'LS1 4AB', '', '', 'Y', '']
    const people = createRawTable(ws.db, { name: 'People', file: 'people.csv', columns: residentColumns, rows: [residentRows[0]!.map((v, i) => (i === 4 || i === 6 ? '' : v)), residentRows[1]!, residentRows[2]!, peter] })
    saveMapping(ws.db, actor, autoMapping(ws.db, [people]))
    const result = applyMapping(ws.db, actor)
    expect([result.datasets.person!.records, result.repeatedKeys]).toEqual([3, 1])
    const mary = records(ws.db, 'person').find((r) => r.record_key === 'R0001')!
    expect(mary.values['person-name.given-name']).toBe('Mary')
    expect(mary.values['subject-of-care.nhs-number']).toBeUndefined()
    expect(mary.values['person-demographics.date-of-birth']).toBeUndefined()
    expect(ws.db.prepare("SELECT source_row_id, source_column, value, message FROM mapping_problem WHERE kind = 'repeated-key'").all()).toEqual([
      { source_row_id: 4, source_column: 'Resident ID', value: 'r0001', message: 'Its ID is already used by row 2 of the same sheet (IDs are compared ignoring case and spaces).' },
    ])
    runChecks(ws.db, actor, { rules: loadRules(), catalogue: shippedQualityCatalogue() })
    const issue = ws.db.prepare("SELECT severity, source_row_number AS row_number, message FROM quality_issue WHERE rule_id = 'mapping-repeated-key'").get()
    expect(issue).toEqual({
      severity: 'error',
      row_number: 5,
      message: 'People row 5 was left out of the records. Its ID is already used by row 2 of the same sheet (IDs are compared ignoring case and spaces). Two people cannot share one ID, and one person\'s values are never mixed with another\'s.',
    })
  })

  it('takes the records built from a file away with the file when it is removed, keeping the rest', async () => {
    const { ws } = setup()
    const oakwood = createRawTable(ws.db, { name: 'Oakwood', file: 'oakwood.csv', columns: residentColumns, rows: [['OW01', 'Mr', 'Owen', 'Wood', '01/02/1940', 'M', '', '', '', '', '', '']] })
    saveMapping(ws.db, actor, { tables: [...getMapping(ws.db).tables, ...autoMapping(ws.db, [oakwood]).tables] })
    applyMapping(ws.db, actor)
    expect(records(ws.db, 'person').map((r) => r.record_key)).toEqual(['R0001', 'R0002', 'R0003', 'OW01'])
    const session = new Session({ actor: { user: 'tester', role: 'administrator' }, workspacesDir: '.', front: 'test' })
    session.useWorkspace(ws)
    const source = ws.db.prepare("SELECT source_id FROM source_table WHERE id = ?").pluck().get(oakwood) as number
    await call(session, 'sources.remove', { sourceId: source })
    expect(records(ws.db, 'person').map((r) => r.record_key)).toEqual(['R0001', 'R0002', 'R0003'])
    expect(ws.db.prepare('SELECT action FROM audit_event ORDER BY id DESC LIMIT 2').pluck().all()).toEqual(['mapping.applied', 'source.removed'])
  })

  it('opens the value map of an item chosen but not yet saved, and names the item when no column is chosen', async () => {
    const { ws, residents } = setup()
    const session = new Session({ actor: { user: 'tester', role: 'administrator' }, workspacesDir: '.', front: 'test' })
    session.useWorkspace(ws)
    const saved = getMapping(ws.db).tables.find((t) => t.tableId === residents)!
    // The user moves Sex from gender identity to sex at birth and has not saved yet.
    const draft = {
      ...saved,
      datasets: saved.datasets.map((d) => ({ ...d, fields: d.fields.map((f) => (f.element === 'person-demographics.gender-identity' ? { ...f, element: 'person-demographics.sex-at-birth', valueMap: undefined } : f)) })),
    }
    const view = await call(session, 'mapping.valueMap', { tableId: residents, element: 'person-demographics.sex-at-birth', mapping: draft })
    expect(view.values.map((v) => v.value).sort()).toEqual(['', 'F', 'Male'].filter(Boolean).sort())
    await expect(call(session, 'mapping.valueMap', { tableId: residents, element: 'person-demographics.sex-at-birth' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'No column of this sheet is mapped to Sex at birth yet; choose a column for it first.',
    })
  })
})
