/**
 * A MODS contact as a UK Core RelatedPerson: relationship codes plus the role flags (next of kin,
 * emergency contact, lasting power of attorney as Agent), name, telecom and address. A contact
 * whose person is not exported (an orphan) has no resource.
 */
import type { BuildContext, Coding, ExportRecord, FhirResource, Json } from './common'
import { coding, compact, humanNames, reference, telecom, text, texts, ukCoreResource } from './common'
import { flagCoding } from './terms'

const roleFlags = ['contact.is-next-of-kin', 'contact.is-emergency-contact', 'contact.lasting-power-of-attorney']

/** Mapped relationships, then each flagged role not already among them (one coding per relationship). */
function relationships(v: Record<string, unknown>): Coding[] {
  const codings = texts(v, 'contact.relationship').map((c) => coding('relationship-type', c)).filter((c) => c !== null)
  for (const flag of roleFlags) {
    const role = flagCoding(flag, text(v, flag))
    if (role && !codings.some((c) => c.system === role.system && c.code === role.code)) codings.push(role)
  }
  return codings
}

export function buildRelatedPerson(ctx: BuildContext, r: ExportRecord): FhirResource | null {
  const patient = reference(ctx, r.personKey)
  if (!patient) return null
  const v = r.values
  const address = text(v, 'contact.address')
  return {
    ...ukCoreResource(ctx, 'RelatedPerson', r.recordKey),
    ...compact({
      patient,
      relationship: relationships(v).map((c): Json => ({ coding: [c] })),
      name: humanNames(null, text(v, 'contact.family-name'), text(v, 'contact.given-name')),
      telecom: telecom(texts(v, 'contact.telephone'), texts(v, 'contact.email'), 'home'),
      address: address ? [{ text: address }] : [],
    }),
  }
}
