/**
 * A MODS person record as a UK Core Patient (STU2): NHS number with its verification status on
 * the identifier (or the reason it is unavailable), local identifier, name, gender (from gender
 * identity via the code list's map to administrative gender), birth sex, birth date, date of death,
 * marital status, address, telecom, ethnic category, interpreter, languages (BCP-47) and the
 * registered GP practice as an ODS-identified Organization. Religion has no UK Core STU2 home.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../identity'
import type { BuildContext, Coding, ExportRecord, FhirResource, Json } from './common'
import { coding, compact, fhirDate, humanNames, mappedCode, telecom, text, texts, ukCore, ukCoreResource } from './common'
import { boundCodings, defaultCode } from './terms'

const nhsSystem = 'https://fhir.nhs.uk/Id/nhs-number'
const odsSystem = 'https://fhir.nhs.uk/Id/ods-organization-code'

function identifiers(ctx: BuildContext, v: Record<string, unknown>): Json[] {
  const out: Json[] = []
  const raw = text(v, 'subject-of-care.nhs-number')
  if (raw !== null && isValidNhsNumber(raw)) {
    const status = coding('nhs-number-verification-status', text(v, 'subject-of-care.nhs-number-verification-status') ?? defaultCode('subject-of-care.nhs-number-verification-status'))
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

/** An extension holding a CodeableConcept, or nothing when there is no coding. */
function codedExtension(url: string, codings: (Coding | null)[]): Json[] {
  const present = codings.filter((c) => c !== null)
  return present.length ? [{ url, valueCodeableConcept: { coding: present } }] : []
}

function extensions(v: Record<string, unknown>): Json[] {
  const out: Json[] = [
    ...codedExtension(ukCore('Extension-UKCore-EthnicCategory'), [coding('ethnic-category', text(v, 'person-demographics.ethnicity'))]),
    ...codedExtension(ukCore('Extension-UKCore-BirthSex'), boundCodings('patient-birth-sex', text(v, 'person-demographics.sex-at-birth'))),
    ...codedExtension(ukCore('Extension-UKCore-NHSNumberUnavailableReason'), [coding('nhs-number-unavailable-reason', text(v, 'subject-of-care.nhs-number-unavailable-reason'))]),
  ]
  const interpreter = text(v, 'person-demographics.interpreter-required')
  // Blank means unknown: leave the extension out rather than send false (uk-codes.md §7).
  if (interpreter === 'Y' || interpreter === 'N') {
    out.push({ url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: interpreter === 'Y' })
  }
  return out
}

/** First language (preferred) then other languages; one with no BCP-47 tag (e.g. q1 Braille) is reported, not sent. */
function communication(r: ExportRecord): Json[] {
  const wanted = [
    ...texts(r.values, 'person-demographics.first-language').map((code) => ({ element: 'person-demographics.first-language', code, preferred: true })),
    ...texts(r.values, 'person-demographics.other-language').map((code) => ({ element: 'person-demographics.other-language', code, preferred: null })),
  ]
  return wanted.flatMap(({ element, code, preferred }) => {
    const codings = boundCodings('patient-language', code)
    if (!codings.length) r.drop(element)
    return codings.length ? [compact({ language: { coding: codings }, preferred })] : []
  })
}

export function buildPatient(ctx: BuildContext, r: ExportRecord): FhirResource {
  const v = r.values
  const lines = ['person-contact-details.address-line-1', 'person-contact-details.address-line-2'].map((e) => text(v, e)).filter((l): l is string => l !== null)
  const address = compact({ use: 'home', line: lines, city: text(v, 'person-contact-details.address-line-3'), postalCode: text(v, 'person-contact-details.postcode') })
  const marital = boundCodings('patient-marital-status', text(v, 'person-demographics.marital-status'))
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
      deceasedDateTime: fhirDate(v, 'subject-of-care.date-of-death'),
      address: Object.keys(address).length > 1 ? [address] : [],
      maritalStatus: marital.length ? { coding: marital } : null,
      communication: communication(r),
      generalPractitioner: gp ? [{ type: 'Organization', identifier: { system: odsSystem, value: gp } }] : [],
    }),
  }
}
