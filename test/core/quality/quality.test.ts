import { describe, expect, it } from 'vitest'
import { issuePage, loadRules, runChecks, shippedQualityCatalogue, summarise } from '../../../src-main/core/quality'
import type { Workspace } from '../../../src-main/core/workspace'
import { verifyAuditChain } from '../../../src-main/core/workspace'
import { tempWorkspaces } from '../../helpers/temp'
import { addRecord, addSourceTable } from '../profile/fixtures'

const actor = { user: 'tester', role: 'data-officer' }
const today = new Date(Date.UTC(2025, 10, 3))
const rules = loadRules()
const catalogue = shippedQualityCatalogue()
const itemName = (id: string) => catalogue.element(id)?.name ?? null

const workspace = tempWorkspaces()

const complete = {
  'subject-of-care.local-identifier': 'R1',
  'subject-of-care.nhs-number': '9434765919',
  'person-name.given-name': 'Zoë',
  'person-name.family-name': 'Brontë',
  'person-demographics.date-of-birth': '1941-03-03',
  'person-demographics.gender-identity': '2',
  'person-demographics.ethnicity': 'A',
  'person-demographics.sexual-orientation': '1',
  'service.service-description': 'Residential care',
  'service.start-date': '2020-01-01',
}

/** Six residents in sheet rows 5-10, each with one planted problem (R1 is clean). */
function plant(ws: Workspace) {
  const headers = ['Resident ID', 'NHS No', 'D.O.B', 'Sex', 'Admission Date']
  const tableId = addSourceTable(ws, 'Residents', headers, Array.from({ length: 6 }, (_, i) => [`R${i + 1}`]), 5)
  const people: Record<string, unknown>[] = [
    complete,
    { ...complete, 'subject-of-care.nhs-number': '9434765918' }, // check digit
    { ...complete, 'person-demographics.date-of-birth': '1938-02-31' }, // impossible
    { ...complete, 'person-demographics.date-of-birth': '2041-05-01' }, // future (start date then also "before birth": not reported)
    { ...complete, 'person-demographics.date-of-birth': '1899-07-04', 'person-demographics.gender-identity': null }, // too old + missing
    { ...complete, 'person-demographics.date-of-birth': '1940-01-01', 'service.start-date': '1935-03-01', 'person-demographics.ethnicity': 'White British' },
  ]
  people.forEach((values, i) =>
    addRecord(ws, {
      dataset: 'person',
      key: `R${i + 1}`,
      tableId,
      rowId: i + 1,
      values: { ...values, 'subject-of-care.local-identifier': `R${i + 1}` },
      columns: { 'subject-of-care.nhs-number': 'NHS No', 'person-demographics.date-of-birth': 'D.O.B', 'person-demographics.gender-identity': 'Sex', 'service.start-date': 'Admission Date' },
    }),
  )
  const allergies = addSourceTable(ws, 'Allergies', ['Resident ID', 'Allergen'], [['R1', 'NKDA'], ['R9999', 'Penicillin']])
  addRecord(ws, { dataset: 'allergy', key: 'a1', personKey: 'R1', tableId: allergies, rowId: 1, values: { 'allergy.causative-agent': 'NKDA' } })
  addRecord(ws, { dataset: 'allergy', key: 'a2', personKey: 'R9999', tableId: allergies, rowId: 2, values: { 'allergy.causative-agent': 'Penicillin' } })
}

describe('NHS number placeholders', () => {
  it('reports 0000000000, 1111111111 and 9999999999 as placeholders, and a real number not at all', () => {
    const ws = workspace()
    const numbers = ['0000000000', '1111111111', '9999999999', '943 476 5919']
    const tableId = addSourceTable(ws, 'Residents', ['Resident ID', 'NHS No'], numbers.map((n, i) => [`R${i + 1}`, n]))
    numbers.forEach((n, i) =>
      addRecord(ws, { dataset: 'person', key: `R${i + 1}`, tableId, rowId: i + 1, values: { ...complete, 'subject-of-care.nhs-number': n.replaceAll(' ', '') }, columns: { 'subject-of-care.nhs-number': 'NHS No' } }),
    )
    runChecks(ws.db, actor, { rules, catalogue, today })
    const found = issuePage(ws.db, rules, itemName, { ruleId: 'nhs-number-check-digit' }, 0, 100).issues
    expect(found.map((i) => [i.value, i.message])).toEqual(
      ['0000000000', '1111111111', '9999999999'].map((n, i) => [n, `The NHS number in Residents row ${i + 2} is the same digit ten times, a placeholder for "unknown" that is never issued to anyone.`]),
    )
  })
})

describe('quality checks', () => {
  it('finds each planted problem once, with its sheet row and column, and a message free of personal data', () => {
    const ws = workspace()
    plant(ws)
    const summary = runChecks(ws.db, actor, { rules, catalogue, today })
    const byRule = Object.fromEntries(summary.byRule.map((r) => [r.ruleId, r.count]))
    expect(byRule).toEqual({
      'nhs-number-check-digit': 1,
      'date-valid': 1,
      'date-of-birth-plausible': 2,
      'mandatory-items': 1,
      'admission-after-birth': 1,
      'person-link': 1,
      'code-list-membership': 1,
    })
    expect(summary).toMatchObject({ total: 8, bySeverity: { error: 7, warning: 1, info: 0 }, recordsChecked: 8 })

    const issues = issuePage(ws.db, rules, itemName, {}, 0, 100).issues
    const nhs = issues.find((i) => i.ruleId === 'nhs-number-check-digit')!
    expect(nhs).toMatchObject({
      severity: 'error',
      dataset: 'person',
      recordKey: 'R2',
      elementId: 'subject-of-care.nhs-number',
      value: '9434765918',
      message: 'The NHS number in Residents row 6 fails the Modulus 11 check digit test.',
      source: { file: 'legacy.xlsx', sheet: 'Residents', rowId: 2, rowNumber: 6, column: 'NHS No' },
    })
    expect(issues.find((i) => i.ruleId === 'mandatory-items')!.message).toBe('Gender identity is missing for the record in Residents row 9.')
    const plausibility = issues.filter((i) => i.ruleId === 'date-of-birth-plausible').map((i) => i.message)
    expect(plausibility).toEqual(['Date of birth in Residents row 8 is in the future.', 'Date of birth in Residents row 9 makes the person older than 115.'])
    expect(issues.find((i) => i.ruleId === 'admission-after-birth')!.message).toMatch(/^.+ in Residents row 10 is before the Date of birth\.$/)
    expect(issues.find((i) => i.ruleId === 'code-list-membership')!.message).toMatch(/Residents row 10 is a legacy spelling; it means code A\./)
    expect(issues.find((i) => i.ruleId === 'person-link')).toMatchObject({ value: 'R9999', source: { sheet: 'Allergies', rowNumber: 3 } })
    for (const issue of issues) expect(issue.message).not.toMatch(/Zoë|Brontë|9434765918|R9999/)
  })

  it('raises one issue for a mandatory item no record has, not one per record', () => {
    const ws = workspace()
    const tableId = addSourceTable(ws, 'Residents', ['Resident ID'], [['R1'], ['R2']])
    for (const key of ['R1', 'R2']) {
      const { 'person-demographics.sexual-orientation': _, ...values } = complete
      addRecord(ws, { dataset: 'person', key, tableId, rowId: Number(key.slice(1)), values })
    }
    runChecks(ws.db, actor, { rules, catalogue, today })
    const issues = issuePage(ws.db, rules, itemName, { ruleId: 'mandatory-items' }, 0, 10)
    expect(issues.total).toBe(1)
    expect(issues.issues[0]).toMatchObject({ recordId: null, source: null, message: 'Sexual orientation must be recorded for every person record, but no column is mapped to it.' })
  })

  it('replaces open issues on a re-run, keeps waived ones, and audits each run', () => {
    const ws = workspace()
    plant(ws)
    runChecks(ws.db, actor, { rules, catalogue, today })
    ws.db.prepare(`UPDATE quality_issue SET status = 'waived' WHERE rule_id = 'person-link'`).run()
    const again = runChecks(ws.db, actor, { rules, catalogue, today })
    expect(again.total).toBe(7)
    expect((ws.db.prepare('SELECT count(*) FROM quality_issue').pluck().get() as number)).toBe(8)
    expect(verifyAuditChain(ws.db)).toMatchObject({ ok: true })
    expect(ws.db.prepare(`SELECT count(*) FROM audit_event WHERE action = 'quality.run'`).pluck().get()).toBe(2)
  })

  it('filters and pages issues, most severe first', () => {
    const ws = workspace()
    plant(ws)
    runChecks(ws.db, actor, { rules, catalogue, today })
    expect(issuePage(ws.db, rules, itemName, { severity: 'warning' }, 0, 10).total).toBe(1)
    expect(issuePage(ws.db, rules, itemName, { dataset: 'allergy' }, 0, 10).total).toBe(1)
    const page = issuePage(ws.db, rules, itemName, {}, 6, 5)
    expect(page).toMatchObject({ total: 8, offset: 6 })
    expect(page.issues.map((i) => i.severity)).toEqual(['error', 'warning'])
    expect(summarise(ws.db, rules).total).toBe(8)
  })

  it('ships rule files that are valid and name only catalogue elements', () => {
    expect(rules.map((r) => r.id)).toContain('nhs-number-check-digit')
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
  })
})

describe('mapping problems as issues', () => {
  it('reports values the mapping left out at their cell, without also calling the item missing', () => {
    const ws = workspace()
    const tableId = addSourceTable(ws, 'Residents', ['Resident ID', 'D.O.B', 'Ethnicity'], [['R1', '31/02/1938', 'Martian']], 5)
    const { 'person-demographics.date-of-birth': _d, 'person-demographics.ethnicity': _e, ...values } = complete
    const recordId = addRecord(ws, { dataset: 'person', key: 'R1', tableId, rowId: 1, values })
    addRecord(ws, { dataset: 'person', key: 'R2', tableId, rowId: 1, values: complete })
    const problem = ws.db.prepare(
      `INSERT INTO mapping_problem (kind, dataset, record_key, element_id, source_table_id, source_row_id, source_column, value, message) VALUES (?, 'person', 'R1', ?, ?, 1, ?, ?, 'x')`,
    )
    problem.run('invalid-value', 'person-demographics.date-of-birth', tableId, 'D.O.B', '31/02/1938')
    problem.run('unmapped-value', 'person-demographics.ethnicity', tableId, 'Ethnicity', 'Martian')
    const summary = runChecks(ws.db, actor, { rules, catalogue, today })
    expect(Object.fromEntries(summary.byRule.map((r) => [r.ruleId, r.count]))).toEqual({ 'mapping-invalid-value': 1, 'mapping-unmapped-value': 1 })
    const [invalid, unmapped] = issuePage(ws.db, rules, itemName, {}, 0, 10).issues
    expect(invalid).toMatchObject({
      recordId,
      value: '31/02/1938',
      message: 'Date of birth in Residents row 5 could not be read as a valid value of its type, so it was left out of the record.',
      source: { column: 'D.O.B', rowNumber: 5 },
    })
    expect(unmapped).toMatchObject({ severity: 'warning', elementId: 'person-demographics.ethnicity', value: 'Martian' })
  })

  it('calls a blank cell missing even when every other value of that column failed to map', () => {
    const ws = workspace()
    const tableId = addSourceTable(ws, 'Residents', ['Resident ID', 'D.O.B'], [['R1', '31/02/1940'], ['R2', ''], ['R3', '']], 5)
    const { 'person-demographics.date-of-birth': _d, ...noBirthDate } = complete
    ;['R1', 'R2', 'R3'].forEach((key, i) => addRecord(ws, { dataset: 'person', key, tableId, rowId: i + 1, values: { ...noBirthDate, 'subject-of-care.local-identifier': key } }))
    ws.db
      .prepare(`INSERT INTO mapping_problem (kind, dataset, record_key, element_id, source_table_id, source_row_id, source_column, value, message) VALUES ('invalid-value', 'person', 'R1', 'person-demographics.date-of-birth', ?, 1, 'D.O.B', '31/02/1940', 'x')`)
      .run(tableId)
    runChecks(ws.db, actor, { rules, catalogue, today })
    const messages = issuePage(ws.db, rules, itemName, {}, 0, 10).issues.map((i) => [i.ruleId, i.message]).sort()
    expect(messages).toEqual([
      ['mandatory-items', 'Date of birth is missing for the record in Residents row 6.'],
      ['mandatory-items', 'Date of birth is missing for the record in Residents row 7.'],
      ['mapping-invalid-value', 'Date of birth in Residents row 5 could not be read as a valid value of its type, so it was left out of the record.'],
    ])
  })
})
