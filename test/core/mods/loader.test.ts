import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalogue, readCatalogueSource } from '../../../src-main/core/mods'
import type { CatalogueSource } from '../../../src-main/core/mods'

/** A deep copy of the shipped catalogue, to corrupt one entry at a time. */
function copy(): { catalogue: Record<string, unknown[]>; codeLists: unknown[] } {
  return structuredClone(readCatalogueSource()) as { catalogue: Record<string, unknown[]>; codeLists: unknown[] }
}

function elementAt(source: ReturnType<typeof copy>, id: string): Record<string, unknown> {
  const found = (source.catalogue.elements as Record<string, unknown>[]).find((e) => e.id === id)
  if (!found) throw new Error(`test setup: no element ${id}`)
  return found
}

describe('loadCatalogue with a given source', () => {
  it('accepts an unchanged copy', () => {
    expect(loadCatalogue(copy() as CatalogueSource).elements).toHaveLength(259)
  })

  it('names an element whose class does not exist', () => {
    const source = copy()
    elementAt(source, 'allergy.type').classId = 'allergies'
    expect(() => loadCatalogue(source as CatalogueSource)).toThrow(
      'The MODS catalogue is invalid (catalogue.json): element "allergy.type" names class "allergies", which does not exist',
    )
  })

  it('names an element with a field the schema refuses', () => {
    const source = copy()
    elementAt(source, 'person-demographics.ethnicity').datatype = 'colour'
    expect(() => loadCatalogue(source as CatalogueSource)).toThrow(/element "person-demographics\.ethnicity" field datatype/)
  })

  it('names an element bound to a missing code list', () => {
    const source = copy()
    source.codeLists = source.codeLists.filter((l) => (l as { id: string }).id !== 'religion')
    expect(() => loadCatalogue(source as CatalogueSource)).toThrow(
      'element "person-demographics.religion" is bound to code list "religion", which does not exist',
    )
  })

  it('names a class whose dataset does not exist', () => {
    const source = copy()
    const cls = (source.catalogue.classes as Record<string, unknown>[]).find((c) => c.id === 'risk')!
    cls.dataset = 'risks'
    expect(() => loadCatalogue(source as CatalogueSource)).toThrow('class "risk" names dataset "risks", which does not exist')
  })

  it('reads a folder and rejects a corrupted copy on disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-cat-'))
    const source = copy()
    fs.mkdirSync(path.join(dir, 'code-lists'))
    for (const list of source.codeLists) fs.writeFileSync(path.join(dir, 'code-lists', `${(list as { id: string }).id}.json`), JSON.stringify(list))
    fs.writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(source.catalogue))
    expect(loadCatalogue(dir).classes).toHaveLength(38)
    fs.writeFileSync(path.join(dir, 'catalogue.json'), '{ not json')
    expect(() => loadCatalogue(dir)).toThrow(/The MODS catalogue is invalid \(catalogue\.json\)/)
  })
})
