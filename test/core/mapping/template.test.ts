import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { applyMapping, autoMapping, exportTemplate, getMapping, importTemplate, saveMapping } from '../../../src-main/core/mapping'
import { resourcePath } from '../../../src-main/core/resources'
import { createRawTable } from '../../helpers/raw-table'
import { actor, cleanUp, kinColumns, kinRows, residentColumns, residentRows, sunnysideWorkspace } from './workspace-fixture'

afterEach(cleanUp)

describe('templates', () => {
  it('round-trips: export, then re-apply to a new export whose columns differ, reporting the differences', () => {
    const first = sunnysideWorkspace()
    saveMapping(first.ws.db, actor, autoMapping(first.ws.db, [first.residents, first.kin]))
    const template = exportTemplate(first.ws.db, 'Rose Court', 'test')
    expect(template).toMatchObject({ format: 'mods-migrate.mapping-template', formatVersion: 1, name: 'Rose Court', version: 1 })
    expect(exportTemplate(first.ws.db, 'Rose Court', '').version).toBe(2)
    const shared = JSON.parse(JSON.stringify(template)) as unknown

    // The next home's export: 'Post Code' is now 'postcode', 'Tel' is gone, a 'Room' column is new.
    const second = sunnysideWorkspace()
    const columns = residentColumns.map((c) => (c === 'Post Code' ? 'postcode' : c)).filter((c) => c !== 'Tel').concat('Room')
    const rows = residentRows.map((r) => [...r.filter((_, i) => residentColumns[i] !== 'Tel'), '4'])
    const renamed = createRawTable(second.ws.db, { name: 'Residents', file: 'next.xlsx', columns, rows })
    second.ws.db.prepare('DELETE FROM source_table WHERE id = ?').run(second.residents)
    const result = importTemplate(second.ws.db, actor, shared, true)
    const residents = result.tables.find((t) => t.table === 'Residents')!
    expect(residents.matchedTableId).toBe(renamed)
    expect(residents.missingColumns).toEqual(['Tel'])
    expect(residents.extraColumns).toEqual(['Room'])
    expect(residents.droppedFields).toEqual(["person-contact-details.telephone (column 'Tel' not found)"])
    const postcode = result.mapping.tables[0]!.datasets.flatMap((d) => d.fields).find((f) => f.element === 'person-contact-details.postcode')
    expect(postcode!.columns).toEqual(['postcode'])
    expect(result.saved).toBe(true)
    expect(getMapping(second.ws.db).tables.map((t) => t.tableId).sort()).toEqual([second.kin, renamed].sort())
    expect(applyMapping(second.ws.db, actor).datasets.person!.records).toBe(3)
  })

  it('reports a template sheet that matches no imported table, and saves nothing when asked not to', () => {
    const { ws } = sunnysideWorkspace()
    const template = JSON.parse(fs.readFileSync(resourcePath('mapping', 'templates', 'sunnyside-care-home.json'), 'utf8')) as unknown
    const result = importTemplate(ws.db, actor, template, false)
    expect(result.saved).toBe(false)
    expect(result.tables.map((t) => [t.table, t.matchedTableId === null])).toEqual([
      ['Residents', false],
      ['Next of Kin', false],
      ['Allergies', true],
      ['Medication', true],
    ])
    expect(result.tables[0]!.missingColumns).toEqual(['Address 1', 'Address 2', 'Town', 'Religion', 'First Language', 'GP Practice Code', 'Admission Date'])
    expect(getMapping(ws.db).tables).toEqual([])
  })

  it('applies the bundled Sunnyside template with its value maps and name splitting', () => {
    const { ws } = sunnysideWorkspace()
    const template = JSON.parse(fs.readFileSync(resourcePath('mapping', 'templates', 'sunnyside-care-home.json'), 'utf8')) as unknown
    importTemplate(ws.db, actor, template, true)
    const result = applyMapping(ws.db, actor)
    expect(result.unmappedValues).toBe(1) // ethnicity 'Brit' is not in the template's value map
    const contacts = ws.db.prepare("SELECT values_json FROM mods_record WHERE dataset = 'contact' ORDER BY id").all() as { values_json: string }[]
    expect(JSON.parse(contacts[0]!.values_json)).toMatchObject({ 'contact.given-name': 'Jane', 'contact.family-name': 'Smith', 'contact.relationship': 'DAUC', 'contact.is-next-of-kin': 'Y', 'contact.lasting-power-of-attorney': 'Y' })
    expect(JSON.parse(contacts[2]!.values_json)['contact.relationship']).toBe('EXT')
  })

  it('rejects something that is not a template, naming the problem', () => {
    const { ws } = sunnysideWorkspace()
    expect(() => importTemplate(ws.db, actor, { format: 'other' }, true)).toThrow(/^This is not a MODS Migrate mapping template: .*\(at format\)\.$/)
  })
})
