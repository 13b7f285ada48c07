/**
 * The MODS catalogue (resources/mods/catalogue.json) and its code lists (resources/mods/code-lists/),
 * loaded once, validated with the zod schema plus referential checks, and queried by id.
 * A new MODS version is a data change: replace the JSON, not this code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../contract/errors'
import { resourcePath } from '../resources'
import { catalogueProblems } from './integrity'
import { normaliseCodeText } from './normalise'
import { catalogueSchema, codeListSchema } from './schema'
import type { Catalogue, Code, CodeList, ModsClass, ModsDataset, ModsElement } from './schema'

export type { Catalogue, Code, CodeList, ModsClass, ModsDataset, ModsElement } from './schema'
export { normaliseCodeText } from './normalise'

/** The catalogue and its code lists, as read from one folder or given as objects. */
export interface CatalogueSource {
  catalogue: unknown
  codeLists: unknown[]
}

interface Loaded {
  catalogue: Catalogue
  codeLists: Map<string, CodeList>
  /** Per list: normalised code/display/synonym -> code. */
  lookups: Map<string, Map<string, Code>>
}

let cached: Loaded | null = null

function invalid(file: string, message: string): ApiError {
  return new ApiError('INTERNAL', `The MODS catalogue is invalid (${file}): ${message}`, { file })
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, file: string, describe: (path: PropertyKey[]) => string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw invalid(file, issue ? `${describe(issue.path)}: ${issue.message}` : 'unreadable')
}

/** Names the entry a schema issue points at, e.g. `element "allergy.type" field datatype`. */
function describeCatalogueIssue(raw: unknown) {
  return (issuePath: PropertyKey[]): string => {
    const [section, index, ...rest] = issuePath
    const entries = (raw as Record<string, unknown> | null)?.[String(section)]
    const entry = Array.isArray(entries) && typeof index === 'number' ? (entries[index] as { id?: unknown } | undefined) : undefined
    const kind = { datasets: 'dataset', classes: 'class', elements: 'element' }[String(section)]
    if (!kind) return `field ${issuePath.map(String).join('.')}`
    const name = typeof entry?.id === 'string' ? `"${entry.id}"` : `#${String(index)}`
    return `${kind} ${name}${rest.length ? ` field ${rest.map(String).join('.')}` : ''}`
  }
}

function buildLookups(list: CodeList): Map<string, Code> {
  const lookup = new Map<string, Code>()
  // Codes win over displays, displays over synonyms, so a synonym can never shadow a real code.
  for (const pick of [(c: Code) => [c.code], (c: Code) => [c.display], (c: Code) => c.synonyms]) {
    for (const code of list.codes) {
      for (const text of pick(code)) {
        const key = normaliseCodeText(text)
        if (key && !lookup.has(key)) lookup.set(key, code)
      }
    }
  }
  return lookup
}

function build(source: CatalogueSource): Loaded {
  const catalogue = parseOrThrow(catalogueSchema, source.catalogue, 'catalogue.json', describeCatalogueIssue(source.catalogue))
  const codeLists = new Map<string, CodeList>()
  for (const raw of source.codeLists) {
    const rawId = (raw as { id?: unknown } | null)?.id
    const file = `code-lists/${typeof rawId === 'string' ? rawId : '?'}.json`
    const list = parseOrThrow(codeListSchema, raw, file, (p) => `field ${p.map(String).join('.')}`)
    if (codeLists.has(list.id)) throw invalid(file, `code list "${list.id}" is defined more than once`)
    codeLists.set(list.id, list)
  }
  const problems = catalogueProblems(catalogue, codeLists)
  if (problems.length > 0) throw invalid('catalogue.json', problems.slice(0, 5).join('; '))
  const lookups = new Map([...codeLists.values()].map((l) => [l.id, buildLookups(l)]))
  return { catalogue, codeLists, lookups }
}

/** Reads `catalogue.json` and `code-lists/*.json` from a folder (default resources/mods). */
export function readCatalogueSource(dir = resourcePath('mods')): CatalogueSource {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch (err) {
      throw invalid(path.relative(dir, file), err instanceof Error ? err.message : String(err))
    }
  }
  const listsDir = path.join(dir, 'code-lists')
  const listFiles = fs.readdirSync(listsDir).filter((f) => f.endsWith('.json')).sort()
  return { catalogue: read(path.join(dir, 'catalogue.json')), codeLists: listFiles.map((f) => read(path.join(listsDir, f))) }
}

function loaded(): Loaded {
  cached ??= build(readCatalogueSource())
  return cached
}

/**
 * The validated catalogue. With no argument: the shipped one, cached. With a folder or source
 * objects: validates those instead (not cached), throwing an error that names the bad entry.
 */
export function loadCatalogue(source?: string | CatalogueSource): Catalogue {
  if (source === undefined) return loaded().catalogue
  return build(typeof source === 'string' ? readCatalogueSource(source) : source).catalogue
}

export function getDataset(id: string): ModsDataset | undefined {
  return loaded().catalogue.datasets.find((d) => d.id === id)
}

export function getElement(id: string): ModsElement | undefined {
  return loaded().catalogue.elements.find((e) => e.id === id)
}

export function classesOf(datasetId: string): ModsClass[] {
  return loaded().catalogue.classes.filter((c) => c.dataset === datasetId)
}

export function elementsOf(datasetId: string): ModsElement[] {
  const classIds = new Set(classesOf(datasetId).map((c) => c.id))
  return loaded().catalogue.elements.filter((e) => classIds.has(e.classId))
}

/** The element linking a record to its person: carried by the record's person key, not mapped. */
export function isPersonLink(element: ModsElement): boolean {
  return element.datatype === 'reference' && element.id.endsWith('.subject-of-care')
}

/**
 * Elements every record of the dataset must hold (minimum occurrence 1 or more), leaving out the
 * person link and the elements of classes a record may lack entirely.
 */
export function mandatoryElements(datasetId: string): ModsElement[] {
  const optional = new Set(classesOf(datasetId).filter((c) => c.optionalInDataset).map((c) => c.id))
  return elementsOf(datasetId).filter((e) => e.cardinality.min >= 1 && !optional.has(e.classId) && !isPersonLink(e))
}

export function safetyCriticalElements(): ModsElement[] {
  return loaded().catalogue.elements.filter((e) => e.safetyCritical)
}

/** Code list ids are fixed by the catalogue, so an unknown id is a programming error and throws. */
export function getCodeList(id: string): CodeList {
  const list = loaded().codeLists.get(id)
  if (!list) throw new ApiError('NOT_FOUND', `There is no MODS code list "${id}".`)
  return list
}

export function codeListIds(): string[] {
  return [...loaded().codeLists.keys()]
}

/**
 * The code a legacy value means, matching code, display or a synonym while ignoring case, spaces
 * and punctuation ("male ", "M", "1" -> Male). Null when nothing matches or the list is unknown.
 */
export function matchCode(listId: string, raw: string): Code | null {
  const key = normaliseCodeText(raw)
  if (!key) return null
  return loaded().lookups.get(listId)?.get(key) ?? null
}
