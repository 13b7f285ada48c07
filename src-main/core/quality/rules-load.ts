/**
 * Loads the rule files from resources/rules/ and works out which catalogue elements each rule
 * checks in each dataset. A rule naming an element the catalogue does not have is a packaging
 * error, reported with the file name.
 */
import fs from 'node:fs'
import path from 'node:path'
import { resourcePath } from '../resources'
import { ruleSchema } from './rule-schema'
import type { Rule } from './rule-schema'
import type { CatalogueElement, QualityCatalogue } from './types'

export function loadRules(dir = resourcePath('rules')): Rule[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = ruleSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
      if (!parsed.success) throw new Error(`Quality rule ${f} is invalid: ${parsed.error.message}`)
      return parsed.data
    })
}

/** The elements a rule checks, grouped by dataset. */
export function ruleTargets(rule: Rule, catalogue: QualityCatalogue): Map<string, CatalogueElement[]> {
  const a = rule.appliesTo
  for (const id of a.elements ?? []) {
    if (!catalogue.element(id)) throw new Error(`Quality rule ${rule.id} names ${id}, which is not in the MODS catalogue.`)
  }
  const selected = catalogue.elements.filter(
    (e) =>
      (a.elements === undefined || a.elements.includes(e.id)) &&
      (a.datatype === undefined || e.datatype === a.datatype) &&
      (a.mandatory === undefined || a.mandatory === e.mandatory) &&
      (a.codeList === undefined || a.codeList === (e.codeList !== null)) &&
      (a.datasets === undefined || a.datasets.includes(e.dataset)),
  )
  const byDataset = new Map<string, CatalogueElement[]>()
  for (const e of selected) byDataset.set(e.dataset, [...(byDataset.get(e.dataset) ?? []), e])
  return byDataset
}

/** Rules with no element selector check every record (e.g. person-link) or the workspace as a whole. */
export function checksRecords(rule: Rule): boolean {
  const a = rule.appliesTo
  return a.elements === undefined && a.datatype === undefined && a.mandatory === undefined && a.codeList === undefined
}
