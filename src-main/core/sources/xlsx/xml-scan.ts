/**
 * A small, strict XML tokenizer for the parts of an XLSX package: elements, attributes, text,
 * CDATA, comments and processing instructions, with the five predefined entities and character
 * references. It refuses what a spreadsheet never needs and an attacker might use: DOCTYPE and
 * entity declarations (so no "billion laughs"), undefined entities, mismatched or unclosed tags,
 * text outside the root. It is several times faster than a general parser (saxes) on the millions
 * of tiny `<c><v>` elements of a big sheet; the tests check it against saxes event by event.
 */

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void
  text?(text: string): void
  close?(name: string): void
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const namePattern = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/
const space = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

function decodeReference(ref: string): string {
  const named = entities[ref]
  if (named !== undefined) return named
  const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN
  if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !(code > 0 && code <= 0x10ffff)) throw new Error(`undefined entity &${ref};`)
  return String.fromCodePoint(code)
}

/** XML end-of-line handling: CRLF and lone CR read as LF (character references are untouched). */
const lineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s)

export function decodeText(s: string): string {
  let amp = s.indexOf('&')
  if (amp < 0) return s
  let out = ''
  let from = 0
  while (amp >= 0) {
    const semi = s.indexOf(';', amp)
    if (semi < 0) throw new Error('unterminated entity reference')
    out += s.slice(from, amp) + decodeReference(s.slice(amp + 1, semi))
    from = semi + 1
    amp = s.indexOf('&', from)
  }
  return out + s.slice(from)
}

/** Names repeat millions of times (`c`, `v`, `r`): validate each once and remember its local part. */
const knownNames = new Map<string, string>()

function checkedName(name: string, what: string): string {
  const known = knownNames.get(name)
  if (known !== undefined) return known
  if (!namePattern.test(name)) throw new Error(`bad ${what} name "${name.slice(0, 40)}"`)
  const local = name.slice(name.indexOf(':') + 1)
  if (knownNames.size < 10_000) knownNames.set(name, local)
  return local
}

function parseAttributes(s: string, from: number, to: number): Record<string, string> {
  const attributes: Record<string, string> = {}
  let i = from
  while (i < to) {
    while (i < to && space(s.charCodeAt(i))) i++
    if (i >= to) break
    const eq = s.indexOf('=', i)
    if (eq < 0 || eq >= to) throw new Error('attribute without a value')
    const name = s.slice(i, eq).trimEnd()
    checkedName(name, 'attribute')
    let q = eq + 1
    while (q < to && space(s.charCodeAt(q))) q++
    const quote = s[q]
    if (quote !== '"' && quote !== "'") throw new Error('attribute value without quotes')
    const end = s.indexOf(quote, q + 1)
    if (end < 0 || end >= to) throw new Error('unterminated attribute value')
    const raw = s.slice(q + 1, end)
    if (raw.includes('<')) throw new Error('"<" in an attribute value')
    if (Object.prototype.hasOwnProperty.call(attributes, name)) throw new Error(`attribute ${name} given twice`)
    // Attribute-value normalisation: literal tabs and line ends read as spaces.
    attributes[name] = decodeText(/[\t\n\r]/.test(raw) ? lineEnds(raw).replace(/[\t\n]/g, ' ') : raw)
    i = end + 1
    if (i < to && !space(s.charCodeAt(i))) throw new Error('attributes must be separated by spaces')
  }
  return attributes
}

/** Index of the '>' ending the tag that starts at `lt`, skipping quoted attribute values; -1 if not yet seen. */
function tagEnd(s: string, lt: number): number {
  let quote = 0
  for (let j = lt + 1; j < s.length; j++) {
    const c = s.charCodeAt(j)
    if (quote) {
      if (c === quote) quote = 0
    } else if (c === 0x3e) return j
    else if (c === 0x22 || c === 0x27) quote = c
  }
  return -1
}

/** Longest single token (tag, text node, comment) held while waiting for its end; real ones are tiny. */
const maxTokenChars = 16 * 1024 * 1024

export class XmlScanner {
  private pending = ''
  private readonly stack: string[] = []
  private rootDone = false

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    this.pending = this.scan(this.pending + chunk)
    if (this.pending.length > maxTokenChars) throw new Error('a single piece of XML is longer than 16 MB')
  }

  close(): void {
    const rest = this.scan(this.pending, true)
    if (rest.trim() !== '') throw new Error('unexpected end of the document')
    if (this.stack.length) throw new Error(`unclosed tag <${this.stack.at(-1)}>`)
    if (!this.rootDone) throw new Error('no root element')
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') throw new Error('text outside the root element')
      return
    }
    if (raw.length) this.handlers.text?.(decodeText(lineEnds(raw)))
  }

  private tag(s: string, lt: number, gt: number): void {
    if (s.charCodeAt(lt + 1) === 0x2f) {
      const name = s.slice(lt + 2, gt).trimEnd()
      if (this.stack.pop() !== name) throw new Error(`unexpected closing tag </${name.slice(0, 40)}>`)
      if (this.stack.length === 0) this.rootDone = true
      this.handlers.close?.(checkedName(name, 'tag'))
      return
    }
    const selfClosing = s.charCodeAt(gt - 1) === 0x2f
    const end = selfClosing ? gt - 1 : gt
    let nameEnd = lt + 1
    while (nameEnd < end && !space(s.charCodeAt(nameEnd))) nameEnd++
    const name = s.slice(lt + 1, nameEnd)
    const local = checkedName(name, 'tag')
    if (this.rootDone) throw new Error('a second root element')
    const attributes = nameEnd < end ? parseAttributes(s, nameEnd, end) : {}
    this.handlers.open(local, attributes)
    if (selfClosing) {
      if (this.stack.length === 0) this.rootDone = true
      this.handlers.close?.(local)
    } else this.stack.push(name)
  }

  /** Consumes complete tokens; returns the incomplete tail to keep for the next chunk. */
  private scan(s: string, final = false): string {
    let i = 0
    while (i < s.length) {
      const lt = s.indexOf('<', i)
      if (lt < 0) break
      if (lt > i) this.emitText(s.slice(i, lt))
      i = lt
      const next = s.charCodeAt(lt + 1)
      if (next !== 0x21 && next !== 0x3f) {
        const gt = tagEnd(s, lt)
        if (gt < 0) return s.slice(i)
        this.tag(s, lt, gt)
        i = gt + 1
      } else if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4)
        if (end < 0) return s.slice(i)
        i = end + 3
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9)
        if (end < 0) return s.slice(i)
        if (this.stack.length === 0) throw new Error('CDATA outside the root element')
        this.handlers.text?.(lineEnds(s.slice(lt + 9, end)))
        i = end + 3
      } else if (s.startsWith('<?', lt)) {
        const end = s.indexOf('?>', lt + 2)
        if (end < 0) return s.slice(i)
        i = end + 2
      } else {
        if (!final && s.length - lt < 9) return s.slice(i)
        throw new Error('DOCTYPE and entity declarations are not allowed in a spreadsheet')
      }
    }
    const rest = s.slice(i)
    if (final) this.emitText(rest)
    return final ? '' : rest
  }
}
