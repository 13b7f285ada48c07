/**
 * Records that hang off a person: contacts as UK Core RelatedPerson, allergies as UK Core
 * AllergyIntolerance, medicines as UK Core MedicationStatement. Each references its Patient;
 * a record whose person is not in the export (an orphan) has no resource (returns null).
 */
import type { BuildContext, ExportRecord, FhirResource, Json } from './common'
import { coding, compact, fhirDate, humanNames, reference, telecom, text, texts, ukCoreResource } from './common'

const snomed = 'http://snomed.info/sct'
/** Legacy shorthands for "no known drug allergies" (uk-codes.md §6: 409137002, confirmed in UK Core examples). */
const noKnownDrugAllergy = new Set(['nkda', 'nkdas', 'no known drug allergies', 'no known drug allergy', 'nka', 'none known'])

export function buildRelatedPerson(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const patient = reference(ctx, r.personKey)
  if (!patient) return null
  const v = r.values
  const relationships = texts(v, 'contact.relationship').map((c) => coding('relationship-type', c)).filter((c) => c !== null)
  const nextOfKin = text(v, 'contact.is-next-of-kin') === 'Y' ? coding('relationship-type', 'N') : null
  const codings = [...relationships, ...(nextOfKin && !relationships.some((c) => c.code === 'N') ? [nextOfKin] : [])]
  return {
    ...ukCoreResource(ctx, 'RelatedPerson', r.recordKey),
    ...compact({
      patient,
      relationship: codings.map((c): Json => ({ coding: [c] })),
      name: humanNames(null, text(v, 'contact.family-name'), text(v, 'contact.given-name')),
      telecom: telecom(texts(v, 'contact.telephone'), texts(v, 'contact.email'), 'home'),
    }),
  }
}

function allergyCode(agent: string | null): Json {
  if (agent === null) return null
  if (noKnownDrugAllergy.has(agent.toLowerCase().replace(/[^a-z ]/g, '').trim())) {
    return { coding: [{ system: snomed, code: '409137002', display: 'No known drug allergy' }], text: agent }
  }
  return { text: agent }
}

export function buildAllergyIntolerance(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const patient = reference(ctx, r.personKey)
  if (!patient) return null
  const v = r.values
  const type = coding('allergy-type', text(v, 'allergy.type'))
  const criticality = coding('allergy-criticality', text(v, 'allergy.criticality'))
  const reaction = text(v, 'allergy.reaction')
  return {
    ...ukCoreResource(ctx, 'AllergyIntolerance', r.recordKey),
    ...compact({
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active', display: 'Active' }] },
      type: type?.code ?? null,
      criticality: criticality?.code ?? null,
      code: allergyCode(text(v, 'allergy.causative-agent')),
      patient,
      onsetDateTime: fhirDate(v, 'allergy.onset-date'),
      reaction: reaction ? [{ manifestation: [{ text: reaction }] }] : [],
    }),
  }
}

export function buildMedicationStatement(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const subject = reference(ctx, r.personKey)
  const name = text(r.values, 'medication.name')
  if (!subject || name === null) return null
  const v = r.values
  const route = text(v, 'medication.route')
  const dosageText = ['medication.dose', 'medication.route', 'medication.frequency'].map((e) => text(v, e)).filter(Boolean).join(', ')
  return {
    ...ukCoreResource(ctx, 'MedicationStatement', r.recordKey),
    // A legacy list does not say whether the medicine is still taken.
    status: 'unknown',
    medicationCodeableConcept: { text: name },
    subject,
    ...compact({
      effectiveDateTime: fhirDate(v, 'medication.start-date'),
      dosage: dosageText ? [compact({ text: dosageText, route: route ? { text: route } : null })] : [],
    }),
  }
}
