/**
 * The header vocabulary: each MODS element's name and social-care synonyms
 * (resources/mapping/synonyms.json) as token lists, plus sheet-name hints per dataset.
 */
import { readResourceJson } from '../resources'
import { catalogueView } from './catalogue'
import type { ElementInfo } from './catalogue'
import { headerTokens, headerWords, tokenSimilarity } from './header'

interface SynonymFile {
  datasets: Record<string, string[]>
  personKey: string[]
  fullName: string[]
  elements: Record<string, string[]>
}

export interface Phrase {
  text: string
  tokens: string[]
  /** 'synonym' from the list, or the element's own 'name'. */
  kind: 'synonym' | 'name'
  /** For a dataset-qualified name, the element's own words: a header must share one ('Communication' is not 'Communication status'). */
  core?: string[]
}

export interface Lexicon {
  elements: { element: ElementInfo; phrases: Phrase[] }[]
  datasets: { dataset: string; phrases: Phrase[] }[]
  fullName: Phrase[]
  /** Headers of a column that identifies people ('Resident ID', 'URN'), for choosing the person key. */
  personKey: Phrase[]
}

let cached: Lexicon | null = null

/**
 * An element's own name, and outside the person dataset also the name qualified by its dataset:
 * legacy headers say 'med_status' or 'Allergy Reaction' where the catalogue says 'Status', 'Reaction'.
 */
function namesOf(element: ElementInfo): Phrase[] {
  const own = phrases([element.name], 'name')
  const core = own[0]!.tokens
  const dataset = element.dataset.replace(/-/g, ' ')
  if (element.dataset === 'person' || core.includes(headerTokens(dataset)[0] ?? '')) return own
  return [...own, ...phrases([`${dataset} ${element.name}`], 'name').map((p) => ({ ...p, core }))]
}

function phrases(texts: string[], kind: Phrase['kind']): Phrase[] {
  return texts.map((text) => ({ text, tokens: headerTokens(text), kind }))
}

export function lexicon(): Lexicon {
  if (cached) return cached
  const file = readResourceJson('mapping', 'synonyms.json') as SynonymFile
  const view = catalogueView()
  cached = {
    // Abstract model classes and person links are never mapped from a column.
    elements: view.elements.filter((e) => e.dataset !== 'model' && e.datatype !== 'reference').map((element) => ({
      element,
      phrases: [...namesOf(element), ...phrases(file.elements[element.id] ?? [], 'synonym')],
    })),
    datasets: Object.entries(file.datasets).map(([dataset, texts]) => ({ dataset, phrases: phrases(texts, 'synonym') })),
    fullName: phrases(file.fullName, 'synonym'),
    personKey: phrases(file.personKey, 'synonym'),
  }
  return cached
}

export interface PhraseMatch {
  score: number
  phrase: Phrase | null
}

export function bestPhrase(tokens: string[], candidates: Phrase[]): PhraseMatch {
  let best: PhraseMatch = { score: 0, phrase: null }
  for (const phrase of candidates) {
    if (phrase.core && !phrase.core.some((t) => tokens.includes(t))) continue
    const score = tokenSimilarity(tokens, phrase.tokens)
    if (score > best.score) best = { score, phrase }
  }
  return best
}

/** The dataset a sheet's name points to ('Next of Kin' → contact), if any. */
export function datasetOfSheetName(name: string): string | null {
  const noise = headerWords().sheetNoise
  const tokens = headerTokens(name).filter((t) => !noise.has(t) && !/^\d+$/.test(t))
  // The whole name, else its last word: 'tbl_ClientContact' and 'client_meds' are about their last word.
  return datasetOfTokens(tokens) ?? (tokens.length > 1 ? datasetOfTokens(tokens.slice(-1)) : null)
}

function datasetOfTokens(tokens: string[]): string | null {
  let best: { dataset: string; score: number } | null = null
  for (const d of lexicon().datasets) {
    const { score } = bestPhrase(tokens, d.phrases)
    if (score >= 0.8 && (!best || score > best.score)) best = { dataset: d.dataset, score }
  }
  return best?.dataset ?? null
}
