/**
 * The header vocabulary: each MODS element's name and social-care synonyms
 * (resources/mapping/synonyms.json) as token lists, plus sheet-name hints per dataset.
 */
import { readResourceJson } from '../resources'
import { catalogueView } from './catalogue'
import type { ElementInfo } from './catalogue'
import { headerTokens, tokenSimilarity } from './header'

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
}

export interface Lexicon {
  elements: { element: ElementInfo; phrases: Phrase[] }[]
  datasets: { dataset: string; phrases: Phrase[] }[]
  fullName: Phrase[]
}

let cached: Lexicon | null = null

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
      phrases: [...phrases([element.name], 'name'), ...phrases(file.elements[element.id] ?? [], 'synonym')],
    })),
    datasets: Object.entries(file.datasets).map(([dataset, texts]) => ({ dataset, phrases: phrases(texts, 'synonym') })),
    fullName: phrases(file.fullName, 'synonym'),
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
    const score = tokenSimilarity(tokens, phrase.tokens)
    if (score > best.score) best = { score, phrase }
  }
  return best
}

/** The dataset a sheet's name points to ('Next of Kin' → contact), if any. */
export function datasetOfSheetName(name: string): string | null {
  const tokens = headerTokens(name)
  let best: { dataset: string; score: number } | null = null
  for (const d of lexicon().datasets) {
    const { score } = bestPhrase(tokens, d.phrases)
    if (score >= 0.8 && (!best || score > best.score)) best = { dataset: d.dataset, score }
  }
  return best?.dataset ?? null
}
