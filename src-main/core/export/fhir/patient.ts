/**
 * A MODS person record as a UK Core Patient (STU2): NHS number with its verification status on
 * the identifier, local identifier, name, gender (from gender identity via the code list's map to
 * administrative gender), birth date, address, telecom, ethnic category, interpreter, first
 * language and the registered GP practice as an ODS-identified Organization.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../identity'
import type { BuildContext, ExportRecord, FhirResource, Json } from './common'
import { coding, compact, fhirDate, humanNames, mappedCode, telecom, text, texts, ukCore, ukCoreResource } from './common'

const nhsSystem = 'https://fhir.nhs.uk/Id/nhs-number'
const odsSystem = 'https://fhir.nhs.uk/Id/ods-organization-code'
/** A number we hold but have not traced against PDS is "02 Number present but not traced". */
const untracedStatus = '02'

function identifiers(ctx: BuildContext, v: Record<string, unknown>): Json[] {
  const out: Json[] = []
  const raw = text(v, 'subject-of-care.nhs-number')
  if (raw !== null && isValidNhsNumber(raw)) {
    const status = coding('nhs-number-verification-status', text(v, 'subject-of-care.nhs-number-verification-status') ?? untracedStatus)
    out.push(
      compact({
        extension: status ? [{ url: ukCore('Extension-UKCore-NHSNumberVerificationStatus'), valueCodeableConcept: { coding: [status] } }] : [],
        system: nhsSystem,
        value: normaliseNhsNumber(raw),
      }),
    )
  }
  const local = text(v, 'subject-of-care.local-identifier')
  // The workspace id names the namespace local identifiers belong to.
  if (local !== null) out.push({ system: `urn:uuid:${ctx.workspaceId}`, value: local })
  return out
}

function extensions(v: Record<string, unknown>): Json[] {
  const out: Json[] = []
  const ethnic = coding('ethnic-category', text(v, 'person-demographics.ethnicity'))
  if (ethnic) out.push({ url: ukCore('Extension-UKCore-EthnicCategory'), valueCodeableConcept: { coding: [ethnic] } })
  const interpreter = text(v, 'person-demographics.interpreter-required')
  // Blank means unknown: leave the extension out rather than send false (uk-codes.md §7).
  if (interpreter === 'Y' || interpreter === 'N') {
    out.push({ url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: interpreter === 'Y' })
  }
  return out
}

export function buildPatient(ctx: BuildContext, r: ExportRecord): FhirResource {
  const v = r.values
  const lines = ['person-contact-details.address-line-1', 'person-contact-details.address-line-2'].map((e) => text(v, e)).filter((l): l is string => l !== null)
  const address = compact({ use: 'home', line: lines, city: text(v, 'person-contact-details.address-line-3'), postalCode: text(v, 'person-contact-details.postcode') })
  const language = coding('language', text(v, 'person-demographics.first-language'))
  const gp = text(v, 'subject-of-care.general-practice')
  return {
    ...ukCoreResource(ctx, 'Patient', r.recordKey),
    ...compact({
      extension: extensions(v),
      identifier: identifiers(ctx, v),
      name: humanNames('official', text(v, 'person-name.family-name'), text(v, 'person-name.given-name'), text(v, 'person-name.title')),
      telecom: telecom(texts(v, 'person-contact-details.telephone'), texts(v, 'person-contact-details.email'), 'home'),
      gender: mappedCode('gender-identity', text(v, 'person-demographics.gender-identity'), 'administrative-gender'),
      birthDate: fhirDate(v, 'person-demographics.date-of-birth'),
      address: Object.keys(address).length > 1 ? [address] : [],
      communication: language ? [{ language: { coding: [language] }, preferred: true }] : [],
      generalPractitioner: gp ? [{ type: 'Organization', identifier: { system: odsSystem, value: gp } }] : [],
    }),
  }
}
