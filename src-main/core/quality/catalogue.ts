/** Adapts the MODS catalogue (core/mods) to the small view the quality checks need. */
import { getCodeList, loadCatalogue, mandatoryElements, matchCode } from '../mods'
import type { Catalogue, Code, CodeList } from '../mods/schema'
import type { CatalogueElement, QualityCatalogue } from './types'

export interface QualityCatalogueSource {
  catalogue: Catalogue
  codeList(id: string): CodeList | null
  matchCode(listId: string, raw: string): Code | null
  /** Elements each record of the dataset must hold (person links and optional classes left out). */
  mandatoryElements(datasetId: string): { id: string }[]
}

export function qualityCatalogue(source: QualityCatalogueSource): QualityCatalogue {
  const { catalogue } = source
  const datasetOfClass = new Map(catalogue.classes.map((c) => [c.id, c.dataset]))
  const mandatory = new Set(catalogue.datasets.flatMap((d) => source.mandatoryElements(d.id).map((e) => e.id)))
  const elements: CatalogueElement[] = catalogue.elements.map((e) => ({
    ...e,
    dataset: datasetOfClass.get(e.classId) ?? '',
    mandatory: mandatory.has(e.id),
  }))
  const byId = new Map(elements.map((e) => [e.id, e]))
  const datasets = new Map(catalogue.datasets.map((d) => [d.id, d]))
  const codeSets = new Map<string, ReadonlySet<string> | null>()
  return {
    elements,
    element: (id) => byId.get(id) ?? null,
    datasetLabel: (id) => datasets.get(id)?.label ?? id,
    personLinked: (id) => datasets.get(id)?.personLinked ?? false,
    codes(listId) {
      if (!codeSets.has(listId)) {
        const list = source.codeList(listId)
        codeSets.set(listId, list ? new Set(list.codes.map((c) => c.code)) : null)
      }
      return codeSets.get(listId) ?? null
    },
    suggest: (listId, raw) => source.matchCode(listId, raw)?.code ?? null,
  }
}

let shipped: QualityCatalogue | null = null

/** The view over the shipped catalogue, built once. */
export function shippedQualityCatalogue(): QualityCatalogue {
  shipped ??= qualityCatalogue({
    catalogue: loadCatalogue(),
    codeList: (id) => {
      try {
        return getCodeList(id)
      } catch {
        return null
      }
    },
    matchCode,
    mandatoryElements,
  })
  return shipped
}
