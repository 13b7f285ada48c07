/** Shared pieces of the FHIR builders: resource shape, codings from MODS code lists, value access. */
import { getCodeList } from '../../mods'
import { parseIsoDate } from '../../quality/dates'
import { uuidV5 } from '../ids'

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export interface FhirResource {
  resourceType: string
  id: string
  [key: string]: Json
}

export interface Coding {
  system: string
  code: string
  display: string
  [key: string]: Json
}

export const ukCore = (name: string) => `https://fhir.hl7.org.uk/StructureDefinition/${name}`

/** One MODS record as the builders see it. */
export interface ExportRecord {
  dataset: string
  recordKey: string
  personKey: string | null
  values: Record<string, unknown>
  /** Marks a mapped value that has no valid FHIR form (e.g. a language with no BCP-47 tag), so it is reported. */
  drop(elementId: string): void
}

export interface BuildContext {
  workspaceId: string
  /** The Patient id of a person key, or null when no person record has it. */
  patientId(personKey: string | null): string | null
}

export function resourceId(ctx: BuildContext, type: string, key: string): string {
  return uuidV5(ctx.workspaceId, `${type}/${key}`)
}

/** The head every exported resource starts with: its type, stable id and UK Core profile. */
export function ukCoreResource(ctx: BuildContext, type: string, key: string): FhirResource {
  return { resourceType: type, id: resourceId(ctx, type, key), meta: { profile: [ukCore(`UKCore-${type}`)] } }
}

/** The coding of a code in a MODS code list (the code's own system wins for mixed lists). */
export function coding(listId: string, code: string | null): Coding | null {
  if (code === null) return null
  let list
  try {
    list = getCodeList(listId)
  } catch {
    return null
  }
  const found = list.codes.find((c) => c.code === code)
  return found ? { system: found.system ?? list.system, code: found.code, display: found.display } : null
}

/** Another list's code with the same meaning (`maps`), e.g. gender identity -> administrative gender. */
export function mappedCode(listId: string, code: string | null, targetList: string): string | null {
  if (code === null) return null
  try {
    return getCodeList(listId).codes.find((c) => c.code === code)?.maps?.[targetList] ?? null
  } catch {
    return null
  }
}

export function text(values: Record<string, unknown>, elementId: string): string | null {
  const v = values[elementId]
  if (v === null || v === undefined) return null
  const s = (typeof v === 'string' ? v : String(v)).trim()
  return s === '' ? null : s
}

/** Multi-valued items may be stored as a JSON array or a single value. */
export function texts(values: Record<string, unknown>, elementId: string): string[] {
  const v = values[elementId]
  if (Array.isArray(v)) return v.map(String).map((s) => s.trim()).filter(Boolean)
  const single = text(values, elementId)
  return single === null ? [] : [single]
}

/** A FHIR date only when the value is a real calendar date. */
export function fhirDate(values: Record<string, unknown>, elementId: string): string | null {
  const v = text(values, elementId)
  return v !== null && parseIsoDate(v) ? v.slice(0, 10) : null
}

/** Drops null, undefined and empty arrays/objects so resources carry no empty elements (FHIR ele-1). */
export function compact<T extends Record<string, unknown>>(o: T): { [key: string]: Json } {
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined) continue
    if (Array.isArray(v) && v.length === 0) continue
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue
    out[k] = v as Json
  }
  return out
}

export function reference(ctx: BuildContext, personKey: string | null): { reference: string } | null {
  const id = ctx.patientId(personKey)
  return id ? { reference: `urn:uuid:${id}` } : null
}

export function telecom(phones: string[], emails: string[], use: string): Json[] {
  return [...phones.map((value) => ({ system: 'phone', value, use })), ...emails.map((value) => ({ system: 'email', value, use }))]
}

/** A HumanName of the parts present, or no name at all when none is (a bare `use` is not a name). */
export function humanNames(use: string | null, family: string | null, given: string | null, prefix: string | null = null): Json[] {
  const parts = compact({ family, given: given ? [given] : [], prefix: prefix ? [prefix] : [] })
  return Object.keys(parts).length ? [compact({ use, ...parts })] : []
}
