/**
 * A MODS allergy as a UK Core AllergyIntolerance: clinical status (documented default when none
 * is mapped), type, category, criticality, the agent (no-known-allergy wording as SNOMED CT),
 * onset, recorded date, reaction with its severity, comment. An allergy whose person is not exported has no resource.
 */
import type { BuildContext, ExportRecord, FhirResource, Json } from './common'
import { coding, compact, fhirDate, reference, text, ukCoreResource } from './common'
import { defaultCode, phrase } from './terms'

/** The agent as text, coded when its wording is a known negation ("NKDA", "None known"…). */
function allergyCode(agent: string | null): Json {
  if (agent === null) return null
  const negation = phrase('allergy.causative-agent', agent)
  return negation?.system && negation.display ? { coding: [{ system: negation.system, code: negation.code, display: negation.display }], text: agent } : { text: agent }
}

/** AllergyIntolerance.type, category and criticality are plain FHIR codes: no system or display. */
function plainCode(listId: string, value: string | null): string | null {
  return coding(listId, value)?.code ?? null
}

function reaction(r: ExportRecord): Json[] {
  const manifestation = text(r.values, 'allergy.reaction')
  const severity = plainCode('reaction-severity', text(r.values, 'allergy.severity'))
  if (manifestation) return [compact({ manifestation: [{ text: manifestation }], severity })]
  // reaction.manifestation is 1..*: a severity alone has no reaction to sit on, so it is reported instead.
  if (severity) r.drop('allergy.severity')
  return []
}

export function buildAllergyIntolerance(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const patient = reference(ctx, r.personKey)
  if (!patient) return null
  const v = r.values
  const status = coding('allergy-clinical-status', text(v, 'allergy.clinical-status') ?? defaultCode('allergy.clinical-status'))
  const category = plainCode('allergy-category', text(v, 'allergy.category'))
  const comment = text(v, 'allergy.comment')
  return {
    ...ukCoreResource(ctx, 'AllergyIntolerance', r.recordKey),
    ...compact({
      clinicalStatus: status ? { coding: [status] } : null,
      type: plainCode('allergy-type', text(v, 'allergy.type')),
      category: category ? [category] : [],
      criticality: plainCode('allergy-criticality', text(v, 'allergy.criticality')),
      code: allergyCode(text(v, 'allergy.causative-agent')),
      patient,
      onsetDateTime: fhirDate(v, 'allergy.onset-date'),
      recordedDate: fhirDate(v, 'allergy.recorded-date'),
      reaction: reaction(r),
      note: comment ? [{ text: comment }] : [],
    }),
  }
}
