import { afterEach, describe, expect, it } from 'vitest'
import { applyMapping, autoMapping, previewField, problemPage, saveMapping } from '../../../src-main/core/mapping'
import { createRawTable } from '../../helpers/raw-table'
import { actor, cleanUp, sunnysideWorkspace } from './workspace-fixture'

afterEach(cleanUp)

describe('previewField', () => {
  it('shows a full name split into its given part, before and after', () => {
    const { ws, kin } = sunnysideWorkspace()
    const preview = previewField(ws.db, kin, { element: 'contact.given-name', columns: ['NOK Name'], transforms: [{ op: 'split-name', part: 'given' }] }, 8)
    expect(preview.rows.map((r) => [r.rowNumber, r.raw, r.text, r.value])).toEqual([
      [2, 'SMITH, Jane', 'Jane', 'Jane'],
      [3, 'Mr Bob Holroyd', 'Bob', 'Bob'],
      [4, 'Mrs Ada Nobody', 'Ada', 'Ada'],
    ])
    expect(preview.counts).toEqual({ rows: 3, values: 3, empty: 0, unmapped: 0, invalid: 0 })
  })

  it("reports the date resolver's decision and the values it could not read", () => {
    const { ws, residents } = sunnysideWorkspace()
    const preview = previewField(ws.db, residents, { element: 'person-demographics.date-of-birth', columns: ['D.O.B'], transforms: [{ op: 'uk-date', order: 'auto', pivotYear: 10, excelSystem: '1900' }] }, 8)
    expect(preview.dates).toHaveLength(1)
    expect(preview.dates[0]).toMatchObject({ order: 'dmy', counts: { values: 3, parsed: 2, unparseable: 1 }, unparseableExamples: ['31/02/1938'] })
    expect(preview.dates[0]!.reasoning[0]).toMatch(/^2 value\(s\) have a first number above 12 \(e\.g\. '23\/11\/1938'\)/)
    expect(preview.rows.map((r) => r.value)).toEqual(['1941-04-03', '1938-11-23', null])
    expect(preview.rows[2]!.problem).toBe("'31/02/1938' is not a date.")
    expect(preview.counts).toMatchObject({ values: 2, invalid: 1 })
  })

  it('keeps a bare year (CSV text) as a failing value with what was typed, not an Excel-serial date', () => {
    const { ws } = sunnysideWorkspace()
    const meds = createRawTable(ws.db, { name: 'Medication', file: 'meds.csv', columns: ['Start'], rows: [['2019'], ['194103'], ['03/04/2019']] })
    const preview = previewField(ws.db, meds, { element: 'medication.start-date', columns: ['Start'], transforms: [{ op: 'uk-date', order: 'auto', pivotYear: 25, excelSystem: '1900' }] }, 8)
    expect(preview.rows.map((r) => [r.raw, r.value, r.problem])).toEqual([
      ['2019', null, "'2019' is not a date."],
      ['194103', null, "'194103' is not a date."],
      ['03/04/2019', '2019-04-03', undefined],
    ])
    expect(preview.notes.some((n) => /1 value\(s\) look like a year only \(e\.g\. '2019'\)/.test(n))).toBe(true)
  })

  it('previews a constant for every row without a source column', () => {
    const { ws, residents } = sunnysideWorkspace()
    const preview = previewField(ws.db, residents, { element: 'subject-of-care.general-practice', columns: [], transforms: [{ op: 'constant', value: 'b82005' }] }, 2)
    expect(preview.rows.map((r) => [r.raw, r.value])).toEqual([[null, 'B82005'], [null, 'B82005']])
    expect(preview.counts.values).toBe(3)
  })
})

describe('problemPage', () => {
  it('lists the problems of the last apply with sheet, row number and column', () => {
    const { ws, residents, kin } = sunnysideWorkspace()
    saveMapping(ws.db, actor, autoMapping(ws.db, [residents, kin]))
    const result = applyMapping(ws.db, actor)
    const all = problemPage(ws.db, { offset: 0, limit: 50 })
    expect(all.total).toBe(result.orphans + result.unmappedValues + result.invalidValues)
    const orphans = problemPage(ws.db, { kind: 'orphan', offset: 0, limit: 50 })
    expect(orphans.problems).toEqual([
      expect.objectContaining({ kind: 'orphan', dataset: 'contact', sheet: 'Next of Kin', rowNumber: 4, value: 'R9999', message: "No person has the key 'R9999'." }),
    ])
    const dob = problemPage(ws.db, { kind: 'invalid-value', offset: 0, limit: 50 }).problems.find((p) => p.element === 'person-demographics.date-of-birth')
    expect(dob).toMatchObject({ sheet: 'Residents', rowNumber: 4, column: 'D.O.B', value: '31/02/1938' })
  })
})
