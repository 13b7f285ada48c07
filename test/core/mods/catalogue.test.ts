import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  classesOf, codeListIds, elementsOf, getCodeList, getElement, loadCatalogue, mandatoryElements, safetyCriticalElements,
} from '../../../src-main/core/mods'
import { catalogueProblems } from '../../../src-main/core/mods/integrity'

const coverageDoc = fs.readFileSync(path.join(process.cwd(), 'docs', 'mods-coverage.md'), 'utf8')

function has(sources: string[], source: string): boolean {
  return sources.includes(source)
}

describe('MODS catalogue', () => {
  it('loads with the versions the app reports', () => {
    const catalogue = loadCatalogue()
    expect(catalogue.modsVersion).toBe('1.0.0')
    expect(catalogue.catalogueVersion).toBe('0.1.0')
    expect(catalogue.standard.reference).toBe('DAPB4102 Amd 66/2023')
  })

  it('holds exactly the counts recorded in docs/mods-coverage.md', () => {
    const { classes, elements, datasets } = loadCatalogue()
    const figures: Record<string, number> = {
      'Datasets': datasets.length,
      'Classes': classes.length,
      'Classes with a data browser page': classes.filter((c) => c.dataSpecClassId !== null).length,
      'Classes from a SCIP model': classes.filter((c) => c.scipModel !== null).length,
      'Elements': elements.length,
      'Elements that are data browser rows': elements.filter((e) => e.publishedName !== undefined).length,
      'Elements citing the data specification': elements.filter((e) => has(e.sources, 'data-spec')).length,
      'Elements citing a SCIP model': elements.filter((e) => has(e.sources, 'scip')).length,
      'Elements citing both': elements.filter((e) => has(e.sources, 'data-spec') && has(e.sources, 'scip')).length,
      'Elements citing neither (UK Core or product)': elements.filter((e) => !has(e.sources, 'data-spec') && !has(e.sources, 'scip')).length,
      'Elements confirmed': elements.filter((e) => e.confirmed).length,
      'Elements unconfirmed': elements.filter((e) => !e.confirmed).length,
      'Safety-critical elements': elements.filter((e) => e.safetyCritical).length,
      'Elements bound to a code list': elements.filter((e) => e.codeList !== null).length,
      'Elements with a FHIR target': elements.filter((e) => e.fhirPath !== null).length,
      'Code lists': codeListIds().length,
    }
    expect(figures).toEqual({
      'Datasets': 24,
      'Classes': 38,
      'Classes with a data browser page': 17,
      'Classes from a SCIP model': 17,
      'Elements': 259,
      'Elements that are data browser rows': 114,
      'Elements citing the data specification': 135,
      'Elements citing a SCIP model': 79,
      'Elements citing both': 24,
      'Elements citing neither (UK Core or product)': 69,
      'Elements confirmed': 137,
      'Elements unconfirmed': 122,
      'Safety-critical elements': 36,
      'Elements bound to a code list': 31,
      'Elements with a FHIR target': 230,
      'Code lists': 24,
    })
    for (const [label, n] of Object.entries(figures)) expect(coverageDoc, label).toContain(`| ${label} | ${n} |`)
  })

  it('gives definitions in our own words and the published wording of occurrence', () => {
    expect(getElement('person-demographics.ethnicity')).toMatchObject({
      definition: "The person's ethnic category as they state it; Z when they chose not to say.",
      occurs: 'Must occur once', cardinality: { min: 1, max: 1 }, publishedType: 'Lookup', codeList: 'ethnic-category',
    })
    expect(getElement('person-demographics.other-language')).toMatchObject({ occurs: 'Could occur once or more', cardinality: { min: 0, max: '*' } })
    expect(getElement('communication.recipient')).toMatchObject({ occurs: 'Must occur once or more', cardinality: { min: 1, max: '*' } })
    expect(getElement('allergy.causative-agent')?.definition).toContain('no known drug allergies')
    expect(getElement('risk.relapse-indicators')).toMatchObject({ sources: ['data-spec', 'scip'], confirmed: true })
    expect(getElement('medication.dose')).toMatchObject({ sources: ['product'], confirmed: false, safetyCritical: true })
  })

  it('marks the safety-critical areas: allergies, medication, DNACPR/ReSPECT, LPA, communication needs', () => {
    const critical = new Set(safetyCriticalElements().map((e) => e.id))
    for (const id of [
      'allergy.causative-agent', 'allergy.type', 'allergy.reaction', 'allergy.criticality', 'medication.name', 'medication.dose',
      'medication.route', 'medication.frequency', 'advance-care-plan.dnacpr-decision', 'advance-care-plan.respect-plan',
      'contact.lasting-power-of-attorney', 'person-demographics.interpreter-required', 'person-demographics.first-language',
    ]) expect(critical.has(id), id).toBe(true)
    expect(critical.has('person-name.family-name')).toBe(false)
  })

  it('lists classes, elements and mandatory elements per dataset', () => {
    expect(classesOf('person').map((c) => c.id)).toEqual(['subject-of-care', 'person-name', 'person-demographics', 'person-contact-details', 'service'])
    expect(elementsOf('allergy')).toHaveLength(12)
    // The person link and the optional Service class never make a person record incomplete.
    expect(mandatoryElements('person').map((e) => e.id)).toEqual([
      'person-name.given-name', 'person-name.family-name', 'person-demographics.date-of-birth',
      'person-demographics.gender-identity', 'person-demographics.ethnicity', 'person-demographics.sexual-orientation',
    ])
    expect(mandatoryElements('allergy').map((e) => e.id)).toEqual(['allergy.causative-agent'])
  })

  it('holds together: classes, datasets, parents and code lists all exist', () => {
    const catalogue = loadCatalogue()
    const lists = new Map(codeListIds().map((id) => [id, getCodeList(id)]))
    expect(catalogueProblems(catalogue, lists)).toEqual([])
    for (const e of catalogue.elements) if (e.codeList) expect(lists.has(e.codeList), e.id).toBe(true)
  })
})
