/**
 * The slice of the MODS catalogue the mapping engine needs: elements with their class and
 * dataset, and code look-ups. Built once from core/mods and cached.
 */
import { getCodeList, loadCatalogue, matchCode } from '../mods'
import type { Datatype } from '../mods/schema'

export interface ElementInfo {
  id: string
  name: string
  className: string
  dataset: string
  datatype: Datatype
  codeList: string | null
}

export interface CatalogueView {
  modsVersion: string
  elements: ElementInfo[]
  byId: Map<string, ElementInfo>
  personLinked: Map<string, boolean>
}

let cached: CatalogueView | null = null

export function catalogueView(): CatalogueView {
  if (cached) return cached
  const catalogue = loadCatalogue()
  const classes = new Map(catalogue.classes.map((c) => [c.id, c]))
  const elements = catalogue.elements.map((e) => {
    const cls = classes.get(e.classId)
    return { id: e.id, name: e.name, className: cls?.name ?? e.classId, dataset: cls?.dataset ?? 'person', datatype: e.datatype, codeList: e.codeList }
  })
  cached = {
    modsVersion: catalogue.modsVersion,
    elements,
    byId: new Map(elements.map((e) => [e.id, e])),
    personLinked: new Map(catalogue.datasets.map((d) => [d.id, d.personLinked])),
  }
  return cached
}

export function elementInfo(id: string): ElementInfo | undefined {
  return catalogueView().byId.get(id)
}

export function lookupCode(listId: string, raw: string): { code: string; display: string } | null {
  const code = matchCode(listId, raw)
  return code ? { code: code.code, display: code.display } : null
}

export function codesOf(listId: string): { code: string; display: string }[] {
  return getCodeList(listId).codes.map((c) => ({ code: c.code, display: c.display }))
}

export function hasCode(listId: string, code: string): boolean {
  return getCodeList(listId).codes.some((c) => c.code === code)
}
