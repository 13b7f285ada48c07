/**
 * Ranked MODS items for one source column, from three kinds of evidence: the header (synonyms,
 * abbreviations, fuzzy token match), the values (detectors), and mapping memory. The sheet's
 * dataset (from its name or its columns) settles generic headers such as 'Tel' or 'Type'.
 * Columns with no confident match are left unmapped, with the reason.
 */
import type { ColumnSuggestions, Suggestion, Transform } from '../../contract/methods/mapping'
import type { ElementInfo } from './catalogue'
import { catalogueView } from './catalogue'
import type { ColumnEvidence } from './detect'
import { valueFit } from './fit'
import { headerTokens } from './header'
import { bestPhrase, lexicon } from './lexicon'
import type { Phrase } from './lexicon'
import type { MemoryHit } from './memory'

/** Suggestions at or above this confidence are mapped automatically. */
export const mapThreshold = 0.6
const showThreshold = 0.3
const maxSuggestions = 5
const personKeyElements = new Set(['subject-of-care.local-identifier', 'subject-of-care.nhs-number'])

export interface ColumnContext {
  /** The dataset the sheet feeds, when known. */
  dataset: string | null
  memory: MemoryHit[]
  /** Leading words every header of the sheet shares ('SU_' in 'SU_DOB', 'SU_Gender'), ignored when matching. */
  sharedPrefix?: string[]
}

const round = (x: number) => Math.round(Math.min(0.99, Math.max(0, x)) * 100) / 100

/** Datasets most legacy care spreadsheets hold; others win only with their own sheet or a closer header. */
const commonDatasets = new Set(['person', 'contact', 'allergy', 'medication'])

function contextFactor(element: ElementInfo, dataset: string | null): number {
  if (!dataset) return commonDatasets.has(element.dataset) ? 1 : 0.93
  if (element.dataset === dataset) return 1
  if (personKeyElements.has(element.id)) return 1 // the link to the person, present on every sheet
  return dataset === 'person' ? 0.85 : 0.8
}

/** A header read with and without the sheet's shared prefix, and the least score each reading must reach to count. */
interface HeaderReading {
  tokens: string[]
  minScore: number
}

/**
 * The better of the header's readings. Read with the vendor prefix ('SU_KeyWorker' as 'service user
 * key worker'), a header counts only when it is nearly a whole phrase ('ServiceUserNo'): otherwise the
 * prefix words alone would pull it towards 'service user number'.
 */
function headerMatch(readings: HeaderReading[], phrases: Phrase[]) {
  return readings
    .map(({ tokens, minScore }) => {
      const m = bestPhrase(tokens, phrases)
      return m.score >= minScore ? m : { score: 0, phrase: null }
    })
    .reduce((a, b) => (b.score > a.score ? b : a))
}

function scoreElement(element: ElementInfo, phrases: Phrase[], variants: HeaderReading[], evidence: ColumnEvidence, ctx: ColumnContext): Suggestion | null {
  const { score: h, phrase } = headerMatch(variants, phrases)
  const v = valueFit(element, evidence)
  let confidence: number
  const reasons: string[] = []
  if (h >= 0.5 && phrase) {
    confidence = v.typed ? 0.65 * h + 0.35 * v.score : 0.85 * h + 0.15 * v.score
    const quoted = `'${phrase.text.toLowerCase()}'`
    reasons.push(h === 1 ? (phrase.kind === 'name' ? `header is the item name ${quoted}` : `header synonym ${quoted}`) : `header resembles ${quoted} (${Math.round(h * 100)}%)`)
  } else if (v.score >= 0.8 && v.typed && element.datatype !== 'number' && !(element.codeList && evidence.numeric > 0.5)) {
    // Values alone: bare numbers say little (ids, counts and numeric codes look alike).
    confidence = v.distinctive ? 0.5 + 0.3 * v.score : 0.25 + 0.2 * v.score
    reasons.push('header not recognised')
  } else return null
  if (v.reason) reasons.push(v.reason)
  const factor = contextFactor(element, ctx.dataset)
  if (ctx.dataset && element.dataset === ctx.dataset && ctx.dataset !== 'person') confidence += 0.08
  confidence *= factor
  if (factor < 1 && ctx.dataset) reasons.push(`the sheet looks like ${ctx.dataset} data`)
  return suggestion(element, confidence, reasons.join('; '), transformsFor(element))
}

function suggestion(element: ElementInfo, confidence: number, reason: string, transforms?: Transform[]): Suggestion {
  const s: Suggestion = { item: element.id, label: element.name, class: element.className, dataset: element.dataset, confidence: round(confidence), reason }
  if (transforms?.length) s.transforms = transforms
  return s
}

/** Transforms a suggestion brings with it, from the element's datatype. */
export function transformsFor(element: ElementInfo): Transform[] {
  switch (element.datatype) {
    case 'date':
    case 'datetime':
      return [{ op: 'uk-date', order: 'auto', pivotYear: element.id === 'person-demographics.date-of-birth' ? 10 : 25, excelSystem: '1900' }]
    case 'telephone':
      return [{ op: 'phone' }]
    case 'postcode':
      return [{ op: 'postcode' }]
    default:
      return element.id === 'subject-of-care.nhs-number' ? [{ op: 'nhs-number' }] : []
  }
}

/** A full name in one column ('NOK Name', 'SMITH, Mary') feeds family and given name through split-name. */
function fullNameSuggestions(tokens: string[], evidence: ColumnEvidence, ctx: ColumnContext): Suggestion[] {
  const { score, phrase } = bestPhrase(tokens, lexicon().fullName)
  if (score < 0.8 || !phrase) return []
  const contactCue = ctx.dataset === 'contact' || tokens.some((t) => ['next', 'kin', 'contact', 'relative'].includes(t))
  const prefix = contactCue ? 'contact' : 'person-name'
  const view = catalogueView()
  const confidence = (0.6 + 0.3 * score) * (evidence.nonEmpty === 0 ? 0.9 : 0.8 + 0.2 * evidence.words)
  const reason = `header '${phrase.text}' is a full name; split it into family and given name`
  return (['family', 'given'] as const).flatMap((part, i) => {
    const element = view.byId.get(`${prefix}.${part}-name`)
    return element ? [suggestion(element, confidence - i * 0.02, reason, [{ op: 'split-name', part }])] : []
  })
}

function applyMemory(ranked: Map<string, Suggestion>, ctx: ColumnContext): void {
  const view = catalogueView()
  for (const hit of ctx.memory) {
    const element = view.byId.get(hit.element)
    if (!element) continue
    const where = hit.origin === 'workspace' ? `in this workspace${hit.uses > 1 ? ` (${hit.uses} times)` : ''}` : `in template '${hit.origin.slice('template:'.length)}'`
    const existing = ranked.get(element.id)
    const confidence = Math.max(existing?.confidence ?? 0, 0.93 + 0.01 * Math.min(hit.uses, 5))
    const reason = `mapped to this item before ${where}${existing ? `; ${existing.reason}` : ''}`
    ranked.set(element.id, suggestion(element, confidence, reason, existing?.transforms ?? hit.transforms ?? transformsFor(element)))
  }
}

export function suggestColumn(column: string, evidence: ColumnEvidence, ctx: ColumnContext): ColumnSuggestions {
  const all = headerTokens(column)
  const prefix = ctx.sharedPrefix ?? []
  const stripped = prefix.length && all.length > prefix.length && prefix.every((t, i) => all[i] === t) ? all.slice(prefix.length) : null
  const variants = stripped ? [{ tokens: all, minScore: 0.8 }, { tokens: stripped, minScore: 0 }] : [{ tokens: all, minScore: 0 }]
  const tokens = stripped ?? all
  const ranked = new Map<string, Suggestion>()
  for (const { element, phrases } of lexicon().elements) {
    const s = scoreElement(element, phrases, variants, evidence, ctx)
    if (s && s.confidence >= showThreshold) ranked.set(s.item, s)
  }
  for (const s of fullNameSuggestions(tokens, evidence, ctx)) {
    if ((ranked.get(s.item)?.confidence ?? 0) < s.confidence) ranked.set(s.item, s)
  }
  applyMemory(ranked, ctx)
  const suggestions = [...ranked.values()].sort((a, b) => b.confidence - a.confidence).slice(0, maxSuggestions)
  const result: ColumnSuggestions = { column, suggestions }
  const top = suggestions[0]
  if (!top) result.unmapped = `No MODS item matches the header '${column}' or its values.`
  else if (top.confidence < mapThreshold) result.unmapped = `The best match, '${top.label}', is only ${Math.round(top.confidence * 100)}% likely; left for you to decide.`
  return result
}

/** How well a column serves as the person key; higher is better, null when it does not identify people. */
function keyRank(c: ColumnSuggestions, e: ColumnEvidence, personSheet: boolean): number[] | null {
  const top = c.suggestions[0]
  const confidentAs = (item: string) => top?.item === item && top.confidence >= mapThreshold
  const idLike = confidentAs('subject-of-care.local-identifier') || bestPhrase(headerTokens(c.column), lexicon().personKey).score >= 0.8
  if (!idLike && !confidentAs('subject-of-care.nhs-number')) return null
  // A blank key orphans every row linked to that person, so a complete column comes first; on a sheet
  // of people the key must also tell them apart (on other sheets it repeats, one row per allergy…).
  const complete = e.nonEmpty > 0 && e.nonEmpty === e.total ? 1 : 0
  const unique = personSheet && e.distinct.size === e.nonEmpty ? 1 : 0
  return [complete, unique, idLike ? 1 : 0]
}

/** The column that links the sheet's rows to people: a complete, unique, ID-like column is preferred to an NHS number with gaps. */
export function choosePersonKey(columns: ColumnSuggestions[], evidence: ColumnEvidence[], dataset: string | null): string | null {
  const personSheet = dataset === null || dataset === 'person'
  const candidates = columns.flatMap((c, i) => {
    const rank = keyRank(c, evidence[i]!, personSheet)
    return rank ? [{ column: c.column, rank }] : []
  })
  // Of equally good columns the leftmost wins.
  const best = candidates.reduce<(typeof candidates)[number] | null>((a, b) => (!a || outranks(b.rank, a.rank) ? b : a), null)
  return best?.column ?? null
}

function outranks(a: number[], b: number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k])
  return i >= 0 && a[i]! > b[i]!
}
