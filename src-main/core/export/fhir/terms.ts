/**
 * The export's terminology data (resources/mods/fhir-export.json): codings a MODS code becomes
 * where UK Core binds another system, legacy phrases that mean a code, Yes/No flags that add a
 * code, and documented defaults. Loaded once and validated, so a bad edit fails loudly.
 */
import fs from 'node:fs'
import { z } from 'zod'
import { getCodeList, normaliseCodeText } from '../../mods'
import { resourcePath } from '../../resources'
import type { Coding } from './common'
import { coding } from './common'

const codingSchema = z.object({ system: z.string(), code: z.string(), display: z.string() })
const phraseSchema = z.object({ system: z.string().optional(), code: z.string(), display: z.string().optional(), texts: z.array(z.string()).min(1) })
const termsSchema = z.object({
  bindings: z.record(z.string(), z.object({ list: z.string(), keepSystems: z.array(z.string()), codes: z.record(z.string(), z.array(codingSchema).min(1)) })),
  phrases: z.record(z.string(), z.array(phraseSchema)),
  flags: z.record(z.string(), z.object({ list: z.string(), code: z.string() })),
  defaults: z.record(z.string(), z.string()),
})
type Terms = z.infer<typeof termsSchema>
type Phrase = z.infer<typeof phraseSchema>

let cached: Terms | null = null

function terms(): Terms {
  cached ??= termsSchema.parse(JSON.parse(fs.readFileSync(resourcePath('mods', 'fhir-export.json'), 'utf8')))
  return cached
}

/**
 * The codings of a MODS code under a FHIR binding: the binding's own codings for the code, else the
 * list's coding when its system is one the binding accepts, else none (no valid coding exists).
 */
export function boundCodings(bindingId: string, code: string | null): Coding[] {
  const binding = terms().bindings[bindingId]
  if (!binding) throw new Error(`fhir-export.json has no binding "${bindingId}"`)
  if (code === null) return []
  const mapped = binding.codes[code]
  if (mapped) return mapped
  const own = coding(binding.list, code)
  return own && binding.keepSystems.includes(own.system) ? [own] : []
}

/** The phrase entry a legacy text means (case, spaces and punctuation ignored), if any. */
export function phrase(elementId: string, text: string | null): Phrase | null {
  if (text === null) return null
  const key = normaliseCodeText(text)
  return terms().phrases[elementId]?.find((p) => p.code === text || p.texts.some((t) => normaliseCodeText(t) === key)) ?? null
}

/** The coding a Yes/No item adds when it is Y. */
export function flagCoding(elementId: string, value: string | null): Coding | null {
  const flag = terms().flags[elementId]
  return flag && value === 'Y' ? coding(flag.list, flag.code) : null
}

export function defaultCode(elementId: string): string {
  const code = terms().defaults[elementId]
  if (code === undefined) throw new Error(`fhir-export.json has no default for "${elementId}"`)
  return code
}

/** Referential problems of the terminology data (every named list and code must exist), for tests. */
export function termProblems(): string[] {
  const t = terms()
  const named = [
    ...Object.entries(t.bindings).flatMap(([id, b]) => Object.keys(b.codes).map((code) => ({ where: `binding ${id}`, list: b.list, code }))),
    ...Object.entries(t.flags).map(([id, f]) => ({ where: `flag ${id}`, list: f.list, code: f.code })),
  ]
  return named.filter((n) => !getCodeList(n.list).codes.some((c) => c.code === n.code)).map((n) => `${n.where}: "${n.code}" is not in list "${n.list}"`)
}
