/**
 * Splitting a full name held in one column. Handles the legacy shapes seen in care records:
 * 'SMITH, Mary J' (family first, comma), 'Mrs Mary Smith', 'Mary J. Smith', 'Dr van der Berg'.
 */
export interface NameParts {
  title: string | null
  given: string | null
  middle: string | null
  family: string | null
}

const titles = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'rev', 'revd', 'prof', 'sir', 'dame', 'lady', 'lord', 'sister', 'father', 'fr', 'capt', 'major', 'col', 'master'])
const particles = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'st', 'ter', 'bin', 'binti', 'al', 'el'])

const isTitle = (word: string) => titles.has(word.toLowerCase().replace(/\.$/, ''))

function partsOf(title: string | null, givenWords: string[], family: string | null): NameParts {
  const [given, ...middle] = givenWords
  return { title, given: given ?? null, middle: middle.length ? middle.join(' ') : null, family }
}

export function splitName(raw: string): NameParts {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (!text) return { title: null, given: null, middle: null, family: null }
  const comma = text.indexOf(',')
  if (comma > 0) {
    const family = text.slice(0, comma).trim()
    const rest = text.slice(comma + 1).trim().split(' ').filter(Boolean)
    const title = rest[0] && isTitle(rest[0]) ? rest.shift()! : rest.at(-1) && isTitle(rest.at(-1)!) ? rest.pop()! : null
    return partsOf(title, rest, family || null)
  }
  const words = text.split(' ')
  const title = words[0] && isTitle(words[0]) && words.length > 1 ? words.shift()! : null
  // A lone word is more often a surname than a forename in legacy lists.
  if (words.length === 1) return { title, given: null, middle: null, family: words[0]! }
  // The family name starts at the first particle after the given name, else it is the last word.
  let start = words.length - 1
  for (let i = 1; i < words.length - 1; i++) {
    if (particles.has(words[i]!.toLowerCase())) {
      start = i
      break
    }
  }
  return partsOf(title, words.slice(0, start), words.slice(start).join(' '))
}
