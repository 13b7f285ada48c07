/** Mapped MODS items reach the FHIR bundle per the catalogue's paths, or are listed in the manifest. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportPack } from '../../../src-main/core/export'
import { termProblems } from '../../../src-main/core/export/fhir/terms'
import { uuidV5 } from '../../../src-main/core/export/ids'
import type { Workspace } from '../../../src-main/core/workspace'
import { addRecord, tempWorkspace } from '../profile/fixtures'
import { fhirErrors } from './fhir-validate'

const actor = { user: 'tester', role: 'data-officer' }
let cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.forEach((f) => f())
  cleanup = []
})

type Resource = { resourceType: string; id: string; [key: string]: unknown }

function workspace(): { ws: Workspace; dir: string } {
  const t = tempWorkspace()
  cleanup.push(() => {
    t.ws.close()
    fs.rmSync(t.dir, { recursive: true, force: true })
  })
  return t
}

/** Exports the workspace; returns every resource (each checked by the base R4 validator) and the manifest. */
function exported(ws: Workspace, dir: string): { byId: (type: string, key: string) => Resource; manifest: Record<string, unknown> } {
  const result = exportPack(ws, actor, { purpose: 'test', outDir: path.join(dir, 'exports'), zip: false })
  const pack = path.join(dir, 'exports', result.packName)
  const bundle = JSON.parse(fs.readFileSync(path.join(pack, 'fhir/bundle.json'), 'utf8')) as { resourceType: string; entry: { resource: Resource }[] }
  expect(fhirErrors(bundle)).toEqual([])
  for (const { resource } of bundle.entry) expect(fhirErrors(resource), `${resource.resourceType}/${resource.id}`).toEqual([])
  const byId = (type: string, key: string) => {
    const found = bundle.entry.find((e) => e.resource.id === uuidV5(ws.id, `${type}/${key}`))
    if (!found) throw new Error(`no ${type}/${key}`)
    return found.resource
  }
  return { byId, manifest: JSON.parse(fs.readFileSync(path.join(pack, 'manifest.json'), 'utf8')) as Record<string, unknown> }
}

const profile = (type: string) => ({ profile: [`https://fhir.hl7.org.uk/StructureDefinition/UKCore-${type}`] })
const snomed = 'http://snomed.info/sct'

describe('FHIR export of mapped items', () => {
  it('has terminology data whose lists and codes all exist', () => {
    expect(termProblems()).toEqual([])
  })

  it('exports allergy clinical status, category, severity and the two no-known-allergy meanings', () => {
    const { ws, dir } = workspace()
    addRecord(ws, { dataset: 'person', key: 'R1', values: { 'person-name.family-name': 'Ames' } })
    addRecord(ws, {
      dataset: 'allergy', key: 'a1', personKey: 'R1',
      values: { 'allergy.causative-agent': 'Peanut', 'allergy.category': 'food', 'allergy.clinical-status': 'resolved', 'allergy.severity': 'severe', 'allergy.reaction': 'Swelling', 'allergy.criticality': 'high', 'allergy.type': 'allergy' },
    })
    addRecord(ws, { dataset: 'allergy', key: 'a2', personKey: 'R1', values: { 'allergy.causative-agent': 'None known' } })
    addRecord(ws, { dataset: 'allergy', key: 'a3', personKey: 'R1', values: { 'allergy.causative-agent': 'NKA' } })
    addRecord(ws, { dataset: 'allergy', key: 'a4', personKey: 'R1', values: { 'allergy.causative-agent': 'No known drug allergies' } })
    const { byId } = exported(ws, dir)
    const patient = { reference: `urn:uuid:${uuidV5(ws.id, 'Patient/R1')}` }
    const active = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active', display: 'Active' }] }
    expect(byId('AllergyIntolerance', 'a1')).toEqual({
      resourceType: 'AllergyIntolerance', id: uuidV5(ws.id, 'AllergyIntolerance/a1'), meta: profile('AllergyIntolerance'),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'resolved', display: 'Resolved' }] },
      type: 'allergy', category: ['food'], criticality: 'high', code: { text: 'Peanut' }, patient,
      reaction: [{ manifestation: [{ text: 'Swelling' }], severity: 'severe' }],
    })
    const nka = { coding: [{ system: snomed, code: '716186003', display: 'No known allergy' }] }
    expect(byId('AllergyIntolerance', 'a2')).toEqual({
      resourceType: 'AllergyIntolerance', id: uuidV5(ws.id, 'AllergyIntolerance/a2'), meta: profile('AllergyIntolerance'),
      clinicalStatus: active, code: { ...nka, text: 'None known' }, patient,
    })
    expect(byId('AllergyIntolerance', 'a3').code).toEqual({ ...nka, text: 'NKA' })
    expect(byId('AllergyIntolerance', 'a4').code).toEqual({ coding: [{ system: snomed, code: '409137002', display: 'No known drug allergy' }], text: 'No known drug allergies' })
  })

  it('exports date of death, marital status, birth sex, the NHS-number-unavailable reason and BSL as BCP-47; religion stays in the CSV', () => {
    const { ws, dir } = workspace()
    addRecord(ws, {
      dataset: 'person', key: 'R1',
      values: {
        'person-name.family-name': 'Ames', 'subject-of-care.date-of-death': '2024-01-09', 'person-demographics.marital-status': 'W',
        'person-demographics.sex-at-birth': 'female', 'subject-of-care.nhs-number-unavailable-reason': 'overseas-patient',
        'person-demographics.first-language': 'q4', 'person-demographics.other-language': ['en', 'q1'], 'person-demographics.religion': 'C',
      },
    })
    addRecord(ws, { dataset: 'person', key: 'R2', values: { 'person-name.family-name': 'Bell', 'person-demographics.marital-status': 'S', 'person-demographics.first-language': 'q5' } })
    const { byId, manifest } = exported(ws, dir)
    expect(byId('Patient', 'R1')).toEqual({
      resourceType: 'Patient', id: uuidV5(ws.id, 'Patient/R1'), meta: profile('Patient'),
      extension: [
        { url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BirthSex', valueCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender', code: 'F', display: 'Female' }] } },
        { url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberUnavailableReason', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberUnavailableReason', code: 'overseas-patient', display: 'Overseas patient' }] } },
      ],
      name: [{ use: 'official', family: 'Ames' }],
      deceasedDateTime: '2024-01-09',
      maritalStatus: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-PersonMaritalStatusEngland', code: 'W', display: 'Widowed/Surviving Civil Partner' }] },
      communication: [
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'bfi', display: 'British Sign Language' }] }, preferred: true },
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en', display: 'English' }] } },
      ],
    })
    const bell = byId('Patient', 'R2')
    expect(bell.maritalStatus).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'S', display: 'Never Married' }] })
    expect(bell.communication).toEqual([
      { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'bfi', display: 'British Sign Language' }, { system: snomed, code: '703963007', display: 'Makaton vocabulary' }] }, preferred: true },
    ])
    expect(manifest.notExportedToFhir).toEqual([
      { dataset: 'person', element: 'person-demographics.other-language', item: 'Other language', count: 1 },
      { dataset: 'person', element: 'person-demographics.religion', item: 'Religion', count: 1 },
    ])
  })

  it('exports medication status, effective period, as-required and dosage per the catalogue paths', () => {
    const { ws, dir } = workspace()
    addRecord(ws, { dataset: 'person', key: 'R1', values: { 'person-name.family-name': 'Ames' } })
    addRecord(ws, {
      dataset: 'medication', key: 'm1', personKey: 'R1',
      values: {
        'medication.name': 'Paracetamol 500mg tablets', 'medication.status': 'stopped', 'medication.start-date': '2022-05-19', 'medication.end-date': '2023-01-02',
        'medication.as-required': 'Y', 'medication.dosage-instructions': 'Two tablets when needed for pain, up to four times a day',
        'medication.dose': '1g', 'medication.route': 'Oral', 'medication.frequency': 'QDS',
      },
    })
    addRecord(ws, { dataset: 'medication', key: 'm2', personKey: 'R1', values: { 'medication.name': 'Senna', 'medication.status': 'Active', 'medication.dose': 'two', 'medication.route': 'Oral' } })
    addRecord(ws, { dataset: 'medication', key: 'm3', personKey: 'R1', values: { 'medication.name': 'Aspirin' } })
    const { byId } = exported(ws, dir)
    const subject = { reference: `urn:uuid:${uuidV5(ws.id, 'Patient/R1')}` }
    expect(byId('MedicationStatement', 'm1')).toEqual({
      resourceType: 'MedicationStatement', id: uuidV5(ws.id, 'MedicationStatement/m1'), meta: profile('MedicationStatement'),
      status: 'stopped', medicationCodeableConcept: { text: 'Paracetamol 500mg tablets' }, subject,
      effectivePeriod: { start: '2022-05-19', end: '2023-01-02' },
      dosage: [{
        text: 'Two tablets when needed for pain, up to four times a day', timing: { code: { text: 'QDS' } }, asNeededBoolean: true,
        route: { text: 'Oral' }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'g' } }],
      }],
    })
    expect(byId('MedicationStatement', 'm2')).toMatchObject({ status: 'active', dosage: [{ text: 'two, Oral', route: { text: 'Oral' } }] })
    expect(byId('MedicationStatement', 'm2').effectivePeriod).toBeUndefined()
    expect(byId('MedicationStatement', 'm3')).toEqual({
      resourceType: 'MedicationStatement', id: uuidV5(ws.id, 'MedicationStatement/m3'), meta: profile('MedicationStatement'),
      status: 'unknown', medicationCodeableConcept: { text: 'Aspirin' }, subject,
    })
  })

  it('exports the attorney, emergency-contact and next-of-kin roles and the contact address', () => {
    const { ws, dir } = workspace()
    addRecord(ws, { dataset: 'person', key: 'R1', values: { 'person-name.family-name': 'Ames' } })
    addRecord(ws, {
      dataset: 'contact', key: 'c1', personKey: 'R1',
      values: {
        'contact.given-name': 'Mary', 'contact.relationship': 'DAUC', 'contact.is-next-of-kin': 'Y', 'contact.is-emergency-contact': 'Y',
        'contact.lasting-power-of-attorney': 'Y', 'contact.lasting-power-of-attorney-type': 'health-and-welfare', 'contact.address': '2 Mill Lane, Leeds LS1 4AB',
      },
    })
    const { byId, manifest } = exported(ws, dir)
    expect(byId('RelatedPerson', 'c1')).toEqual({
      resourceType: 'RelatedPerson', id: uuidV5(ws.id, 'RelatedPerson/c1'), meta: profile('RelatedPerson'),
      patient: { reference: `urn:uuid:${uuidV5(ws.id, 'Patient/R1')}` },
      relationship: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAUC', display: 'daughter' }] },
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] },
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] },
        { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole', code: 'Agent', display: 'Agent of patient' }] },
      ],
      name: [{ given: ['Mary'] }],
      address: [{ text: '2 Mill Lane, Leeds LS1 4AB' }],
    })
    expect(manifest.notExportedToFhir).toEqual([{ dataset: 'contact', element: 'contact.lasting-power-of-attorney-type', item: 'Lasting power of attorney type', count: 1 }])
  })
})
