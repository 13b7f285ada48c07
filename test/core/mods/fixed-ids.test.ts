import { describe, expect, it } from 'vitest'
import { getCodeList, getDataset, getElement, loadCatalogue } from '../../../src-main/core/mods'

/** The ids the team brief fixes: every other stage relies on them. */
const fixedElements: Record<string, string[]> = {
  person: [
    'subject-of-care.nhs-number', 'subject-of-care.nhs-number-verification-status', 'subject-of-care.local-identifier',
    'subject-of-care.general-practice', 'person-name.title', 'person-name.given-name', 'person-name.family-name',
    'person-demographics.date-of-birth', 'person-demographics.gender-identity', 'person-demographics.ethnicity',
    'person-demographics.religion', 'person-demographics.first-language', 'person-demographics.interpreter-required',
    'person-demographics.sexual-orientation', 'person-contact-details.address-line-1', 'person-contact-details.address-line-2',
    'person-contact-details.address-line-3', 'person-contact-details.postcode', 'person-contact-details.telephone',
    'person-contact-details.email', 'service.start-date',
  ],
  contact: ['contact.given-name', 'contact.family-name', 'contact.relationship', 'contact.telephone', 'contact.email', 'contact.is-next-of-kin', 'contact.lasting-power-of-attorney'],
  allergy: ['allergy.causative-agent', 'allergy.type', 'allergy.reaction', 'allergy.criticality', 'allergy.onset-date'],
  medication: ['medication.name', 'medication.dose', 'medication.route', 'medication.frequency', 'medication.start-date'],
}

const fixedCodeLists = [
  'gender-identity', 'ethnic-category', 'religion', 'language', 'marital-status', 'yes-no', 'relationship-type',
  'allergy-type', 'allergy-criticality', 'nhs-number-verification-status',
]

describe('fixed ids from the team brief', () => {
  it('every fixed element exists in its dataset', () => {
    const catalogue = loadCatalogue()
    const datasetOfClass = new Map(catalogue.classes.map((c) => [c.id, c.dataset]))
    for (const [dataset, ids] of Object.entries(fixedElements)) {
      for (const id of ids) {
        const element = getElement(id)
        expect(element, id).toBeDefined()
        expect(datasetOfClass.get(element!.classId), id).toBe(dataset)
        expect(element!.fhirPath, id).not.toBeNull()
      }
    }
  })

  it('the fixed datasets exist with their FHIR targets', () => {
    expect(getDataset('person')?.fhirProfile).toBe('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient')
    expect(getDataset('contact')?.fhirProfile).toBe('https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson')
    expect(getDataset('allergy')?.fhirProfile).toBe('https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance')
    expect(getDataset('medication')?.fhirProfile).toBe('https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement')
    expect(getDataset('alert')).toMatchObject({ fhirResource: 'Flag', fhirProfile: null })
    for (const id of ['risk', 'need', 'care-worker', 'care-organisation', 'document']) expect(getDataset(id), id).toBeDefined()
  })

  it('every fixed code list exists and fixed elements are bound to them', () => {
    for (const id of fixedCodeLists) expect(getCodeList(id).codes.length, id).toBeGreaterThan(0)
    expect(getElement('person-demographics.ethnicity')?.codeList).toBe('ethnic-category')
    expect(getElement('person-demographics.gender-identity')?.codeList).toBe('gender-identity')
    expect(getElement('subject-of-care.nhs-number-verification-status')?.codeList).toBe('nhs-number-verification-status')
    expect(getElement('contact.relationship')?.codeList).toBe('relationship-type')
    expect(getElement('allergy.type')?.codeList).toBe('allergy-type')
    expect(getElement('allergy.criticality')?.codeList).toBe('allergy-criticality')
  })
})
