/**
 * Referential checks the schema alone cannot make: every element's class, every class's dataset
 * and parent, every bound code list and every code map target must exist, and ids must be unique.
 * Returns plain-English problems naming the bad entry; an empty list means the catalogue holds together.
 */
import type { Catalogue, CodeList } from './schema'

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

export function catalogueProblems(catalogue: Catalogue, codeLists: ReadonlyMap<string, CodeList>): string[] {
  const problems: string[] = []
  const datasetIds = new Set(catalogue.datasets.map((d) => d.id))
  const classIds = new Set(catalogue.classes.map((c) => c.id))
  for (const [kind, ids] of [
    ['dataset', catalogue.datasets.map((d) => d.id)],
    ['class', catalogue.classes.map((c) => c.id)],
    ['element', catalogue.elements.map((e) => e.id)],
  ] as const) {
    for (const id of duplicates(ids)) problems.push(`${kind} "${id}" is defined more than once`)
  }
  for (const c of catalogue.classes) {
    if (!datasetIds.has(c.dataset)) problems.push(`class "${c.id}" names dataset "${c.dataset}", which does not exist`)
    if (c.parent !== null && !classIds.has(c.parent)) problems.push(`class "${c.id}" names parent class "${c.parent}", which does not exist`)
  }
  for (const e of catalogue.elements) {
    if (!classIds.has(e.classId)) problems.push(`element "${e.id}" names class "${e.classId}", which does not exist`)
    if (!e.id.startsWith(`${e.classId}.`)) problems.push(`element "${e.id}" does not start with its class id "${e.classId}."`)
    if (e.codeList !== null && !codeLists.has(e.codeList)) problems.push(`element "${e.id}" is bound to code list "${e.codeList}", which does not exist`)
    if (e.cardinality.max !== '*' && e.cardinality.max < e.cardinality.min) problems.push(`element "${e.id}" has a maximum below its minimum`)
  }
  for (const list of codeLists.values()) {
    for (const code of list.codes) {
      for (const [target, value] of Object.entries(code.maps ?? {})) {
        const other = codeLists.get(target)
        if (!other) problems.push(`code list "${list.id}" code "${code.code}" maps to list "${target}", which does not exist`)
        else if (!other.codes.some((c) => c.code === value)) problems.push(`code list "${list.id}" code "${code.code}" maps to "${value}", which is not in "${target}"`)
      }
    }
  }
  return problems
}
