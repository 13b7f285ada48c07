/**
 * Header text → comparable tokens: camelCase and letter/digit boundaries split, punctuation
 * dropped, legacy abbreviations expanded (resources/mapping/abbreviations.json), filler words
 * removed. Synonyms pass through the same function, so 'D.O.B', 'DOB' and 'Date of birth' agree.
 */
import { readResourceJson } from '../resources'

interface Abbreviations {
  phrases: Record<string, string>
  tokens: Record<string, string>
}

const fillers = new Set(['the', 'a', 'an', 'of', 'for', 's', 'to', 'and', 'or', 'is', 'please', 'enter', 'field', 'col', 'column', 'etc'])

interface HeaderWords {
  ignore: string[]
  generic: string[]
  offTopic: string[]
  sheetNoise: string[]
}

let cached: { phrases: [RegExp, string][]; tokens: Map<string, string> } | null = null
let cachedWords: { ignore: Set<string>; generic: Set<string>; offTopic: Set<string>; sheetNoise: Set<string> } | null = null

/** Word classes from resources/mapping/header-words.json (tokens pass through headerTokens). */
export function headerWords() {
  if (cachedWords) return cachedWords
  const raw = readResourceJson('mapping', 'header-words.json') as HeaderWords
  const set = (words: string[]) => new Set(words.flatMap((w) => headerTokens(w)))
  cachedWords = { ignore: new Set(raw.ignore), generic: set(raw.generic), offTopic: set(raw.offTopic), sheetNoise: set(raw.sheetNoise) }
  return cachedWords
}

/** How much a word says about the item: 0 for format hints, 0.3 for words many items share, else 1. */
function weight(token: string): number {
  const words = headerWords()
  if (words.ignore.has(token)) return 0
  return words.generic.has(token) || /^\d+$/.test(token) || token.length === 1 ? 0.3 : 1
}

function abbreviations() {
  if (cached) return cached
  const raw = readResourceJson('mapping', 'abbreviations.json') as Abbreviations
  const phrases = Object.entries(raw.phrases)
    .sort((a, b) => b[0].length - a[0].length)
    // Phrase output is glued with '_' so token expansion and later phrases leave it alone.
    .map(([from, to]) => [new RegExp(`(^| )${from}(?= |$)`, 'g'), `$1${to.replace(/ /g, '_')}`] as [RegExp, string])
  cached = { phrases, tokens: new Map(Object.entries(raw.tokens)) }
  return cached
}

function splitWords(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .replace(/&/g, ' and ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Plural "allergies" and "allergy" should meet; kept deliberately crude (no dictionary). */
function singular(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return token.slice(0, -3) + 'y'
  if (token.length > 4 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1)
  return token
}

export function headerTokens(header: string): string[] {
  const { phrases, tokens } = abbreviations()
  let text = splitWords(header)
  for (const [pattern, to] of phrases) text = text.replace(pattern, to)
  const expanded = text
    .split(' ')
    .filter(Boolean)
    .map((t) => (t.includes('_') ? t : (tokens.get(t) ?? tokens.get(singular(t)) ?? t)))
  // Expansions may form a phrase ('first' + 'name' → 'forename').
  let joined = expanded.join(' ')
  for (const [pattern, to] of phrases) joined = joined.replace(pattern, to)
  return joined
    .split(/[ _]/)
    .filter((t) => t && !fillers.has(t))
    .map(singular)
}

/** The key under which mapping memory remembers a header. */
export function headerKey(header: string): string {
  return headerTokens(header).join(' ')
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length === b.length && a[i] === b[j + 1] && a[i + 1] === b[j]) {
      // Swapped neighbours ('brith', 'relgion' aside) count as one edit.
      i += 2
      j += 2
      continue
    }
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** Crude stem: 'funded', 'funder', 'funding' → 'fund'; 'prescribed', 'prescriber' → 'prescrib'. */
function stem(token: string): string {
  const m = /^(.{4,}?)(ings?|ers?|ed|ions?|ation|es|s)$/.exec(token)
  return m ? m[1]! : token
}

function tokenMatch(a: string, b: string): number {
  if (a === b) return 1
  if (a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b)) return 0.85 // typos: 'adress', 'telephne', 'brith'
  const sa = stem(a)
  const sb = stem(b)
  if (sa.length >= 4 && sb.length >= 4 && (sa.startsWith(sb) || sb.startsWith(sa)) && (sa !== a || sb !== b)) return 0.8 // word forms: 'funder' / 'funding'
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return 0.75 // truncations: 'ethnic…'
  return 0
}

const total = (tokens: string[]) => tokens.reduce((sum, t) => sum + weight(t), 0)

/**
 * Similarity of two token lists in 0..1: 1 for the same words in the same order (format hints
 * aside), otherwise a Dice coefficient weighted by how much each word says, where near-miss tokens
 * count partly. A header made only of generic words ('Date', 'Column 1') must match exactly, and one
 * holding a record-keeping word the phrase lacks ('Last updated by') scores less.
 */
export function tokenSimilarity(header: string[], phrase: string[]): number {
  if (header.length === 0 || phrase.length === 0) return 0
  if (header.join(' ') === phrase.join(' ')) return 1
  const meaningful = (tokens: string[]) => tokens.filter((t) => weight(t) > 0).join(' ')
  if (meaningful(header) && meaningful(header) === meaningful(phrase)) return 0.99
  if (!header.some((t) => weight(t) === 1)) return 0
  const used = new Set<number>()
  let matched = 0
  let matchedTokens = 0
  for (const p of phrase) {
    let best = 0
    let bestIndex = -1
    header.forEach((h, i) => {
      if (used.has(i)) return
      const m = tokenMatch(h, p)
      if (m > best) {
        best = m
        bestIndex = i
      }
    })
    if (bestIndex < 0) continue
    used.add(bestIndex)
    matchedTokens++
    matched += (best * (weight(p) + weight(header[bestIndex]!))) / 2
  }
  const dice = (2 * matched) / (total(header) + total(phrase) || 1)
  const offTopic = header.some((t, i) => !used.has(i) && headerWords().offTopic.has(t)) ? 0.6 : 1
  // Same words in another order ('birth date' / 'date of birth') are nearly exact.
  const score = matchedTokens === phrase.length && header.length === phrase.length ? Math.max(dice, 0.97) : dice * 0.95
  return score * offTopic
}
