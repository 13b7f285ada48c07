/**
 * A MODS medicine as a UK Core MedicationStatement, per the catalogue's FHIR paths: status (from
 * the mapped wording; documented default when none), the medicine as text, effectivePeriod from the
 * start and end dates, and one dosage with its instructions, dose, route, timing and as-required.
 * A medicine whose person is not exported, or that has no name, has no resource.
 */
import type { BuildContext, ExportRecord, FhirResource, Json } from './common'
import { compact, fhirDate, reference, text, ukCoreResource } from './common'
import { defaultCode, phrase } from './terms'

/** "1g", "2.5 ml", "10": a number with an optional unit; anything else stays in the dosage text. */
const doseQuantity = /^(\d+(?:\.\d+)?)\s*([\p{L}%/]*)$/u

function dose(value: string | null): Json {
  const m = value === null ? null : doseQuantity.exec(value)
  if (!m) return null
  return [{ doseQuantity: compact({ value: Number(m[1]), unit: m[2] || null }) }]
}

function dosage(v: Record<string, unknown>): Json[] {
  const [amount, route, frequency] = ['medication.dose', 'medication.route', 'medication.frequency'].map((e) => text(v, e))
  const asRequired = text(v, 'medication.as-required')
  // Without written instructions the legacy parts are kept together as the text a person reads.
  const instructions = text(v, 'medication.dosage-instructions') ?? ([amount, route, frequency].filter(Boolean).join(', ') || null)
  const parts = compact({
    text: instructions,
    timing: frequency ? { code: { text: frequency } } : null,
    // Blank means not stated: only Y or N become a boolean.
    asNeededBoolean: asRequired === 'Y' || asRequired === 'N' ? asRequired === 'Y' : null,
    route: route ? { text: route } : null,
    doseAndRate: dose(amount ?? null),
  })
  return Object.keys(parts).length ? [parts] : []
}

export function buildMedicationStatement(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const subject = reference(ctx, r.personKey)
  const name = text(r.values, 'medication.name')
  if (!subject || name === null) return null
  const v = r.values
  const mappedStatus = text(v, 'medication.status')
  const status = phrase('medication.status', mappedStatus)?.code
  if (mappedStatus !== null && status === undefined) r.drop('medication.status')
  return {
    ...ukCoreResource(ctx, 'MedicationStatement', r.recordKey),
    status: status ?? defaultCode('medication.status'),
    medicationCodeableConcept: { text: name },
    subject,
    ...compact({
      effectivePeriod: compact({ start: fhirDate(v, 'medication.start-date'), end: fhirDate(v, 'medication.end-date') }),
      dosage: dosage(v),
    }),
  }
}
