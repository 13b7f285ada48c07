/**
 * Writes resources/mods/code-lists/<id>.json from the UK Core STU2 2.0.2 CodeSystem files (never
 * retyped) plus, only where UK Core publishes no list, the codes in code-list-sources.json, which
 * name their reference. Legacy synonyms and cross-list maps are merged from their own curated files.
 *
 * Run: npx tsx scripts/generate-code-lists.ts [path/to/ukcore-stu2-2.0.2]
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { codeListSchema } from '../src-main/core/mods/schema'
import type { Code, CodeList } from '../src-main/core/mods/schema'
import { normaliseCodeText } from '../src-main/core/mods/normalise'

const scriptsDir = path.dirname(fileURLToPath(import.meta.url))
const outDir = path.join(scriptsDir, '..', 'resources', 'mods', 'code-lists')
const ukCoreDir = process.argv[2] ?? process.env.UKCORE_DIR ?? path.join(scriptsDir, '..', '..', 'shared', 'reference', 'ukcore-stu2-2.0.2')
const ukCoreLabel = 'ukcore-stu2-2.0.2'

interface ManualPart {
  system: string
  version: string
  source: string
  codes: { code: string; display: string }[]
}
type Part = { ukCore: string } | ManualPart
interface ListSource {
  id: string
  name: string
  notes?: string
  confirmed?: boolean
  parts: Part[]
}
interface PartCodes {
  system: string
  version: string
  source: string
  codes: { code: string; display: string }[]
}
type Curated<T> = Record<string, Record<string, T>>

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(scriptsDir, file), 'utf8')) as T
}

interface FhirConcept {
  code: { value: string }
  display?: { value: string }
  concept?: FhirConcept[]
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'concept' })

/** Flattens a CodeSystem's (possibly nested) concepts in document order. */
function flatten(concepts: FhirConcept[] = []): { code: string; display: string }[] {
  return concepts.flatMap((c) => [{ code: c.code.value, display: c.display?.value ?? c.code.value }, ...flatten(c.concept)])
}

function readUkCore(relative: string): PartCodes {
  const doc = xml.parse(fs.readFileSync(path.join(ukCoreDir, relative), 'utf8')) as {
    CodeSystem?: { url: { value: string }; version: { value: string }; concept?: FhirConcept[] }
  }
  const cs = doc.CodeSystem
  if (!cs) throw new Error(`${relative} is not a FHIR CodeSystem`)
  return { system: cs.url.value, version: cs.version.value, source: `${ukCoreLabel}/${relative}`, codes: flatten(cs.concept) }
}

function partCodes(part: Part): PartCodes {
  return 'ukCore' in part ? readUkCore(part.ukCore) : part
}

/** Keeps synonyms that add something, and refuses one that would match two codes. */
function withSynonyms(listId: string, codes: Code[], synonyms: Record<string, string[]>): Code[] {
  const owner = new Map<string, string>()
  for (const c of codes) for (const key of [c.code, c.display]) owner.set(normaliseCodeText(key), c.code)
  for (const [code, words] of Object.entries(synonyms)) {
    const target = codes.find((c) => c.code === code)
    if (!target) throw new Error(`code-list-synonyms.json: ${listId} has no code "${code}"`)
    for (const word of words) {
      const key = normaliseCodeText(word)
      const existing = owner.get(key)
      if (existing !== undefined && existing !== code) {
        throw new Error(`code-list-synonyms.json: "${word}" in ${listId} would match both ${existing} and ${code}`)
      }
      if (existing === undefined) target.synonyms.push(word)
      owner.set(key, code)
    }
  }
  return codes
}

function buildList(src: ListSource, synonyms: Curated<string[]>, maps: Curated<Record<string, string>>): CodeList {
  const parts = src.parts.map(partCodes)
  const first = parts[0]
  if (!first) throw new Error(`${src.id} has no parts`)
  const codes: Code[] = parts.flatMap((p) =>
    p.codes.map((c) => ({
      code: c.code,
      display: c.display,
      synonyms: [],
      ...(p.system !== first.system ? { system: p.system } : {}),
      ...(maps[src.id]?.[c.code] ? { maps: maps[src.id]?.[c.code] } : {}),
    })),
  )
  return codeListSchema.parse({
    id: src.id,
    name: src.name,
    version: parts.map((p) => p.version).join(' + '),
    system: first.system,
    source: parts.map((p) => p.source).join('; '),
    confirmed: src.confirmed ?? true,
    ...(src.notes ? { notes: src.notes } : {}),
    codes: withSynonyms(src.id, codes, synonyms[src.id] ?? {}),
  })
}

function main() {
  const { lists } = readJson<{ lists: ListSource[] }>('code-list-sources.json')
  const synonyms = readJson<Curated<string[]>>('code-list-synonyms.json')
  const maps = readJson<Curated<Record<string, string>>>('code-list-maps.json')
  const ids = new Set(lists.map((l) => l.id))
  for (const file of [synonyms, maps]) {
    for (const id of Object.keys(file)) if (id !== '$comment' && !ids.has(id)) throw new Error(`curated data names unknown list "${id}"`)
  }
  fs.mkdirSync(outDir, { recursive: true })
  for (const src of lists) {
    const list = buildList(src, synonyms, maps)
    fs.writeFileSync(path.join(outDir, `${list.id}.json`), JSON.stringify(list, null, 2) + '\n')
    console.log(`${list.id}: ${list.codes.length} codes`)
  }
}

main()
