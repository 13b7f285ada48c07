/**
 * The XLSX tokenizer (xml-scan.ts) checked event by event against saxes, a full XML parser, on
 * generated documents split into random chunks, plus the constructs it must refuse.
 */
import fc from 'fast-check'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { XmlScanner } from '../../src-main/core/sources/xlsx/xml-scan'

type Event = [string, string, Record<string, string>?]

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '0', '&', '<', '>', '"', "'", 'ë', 'Ł', 'â', '\n', '\r', '\t', '🙂'), maxLength: 12 })
const names = fc.constantFrom('row', 'c', 'v', 'x:t', 'is', 'sheetData', 'mergeCell')
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'x14ac:dy', 'ref'), text), { selector: ([k]) => k, maxLength: 3 })

const node: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escapeText),
    text.map((t) => `<![CDATA[${t.replace(/]]>/g, '')}]]>`),
    text.map((t) => `<!--${t.replace(/-/g, '')}-->`),
    text.map((t) => `&#x${(t.codePointAt(0) ?? 65).toString(16)};`),
    fc.tuple(names, attrs, depth > 0 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([])).map(([name, as, children]) => {
      const a = as.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')
      return children.length ? `<${name}${a}>${children.join('')}</${name}>` : `<${name}${a}/>`
    }),
  ),
)
const documents = fc.tuple(fc.boolean(), fc.array(node(3), { maxLength: 5 })).map(([decl, body]) => `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ''}<worksheet>${body.join('')}</worksheet>`)

function merged(events: Event[]): Event[] {
  const out: Event[] = []
  for (const e of events) {
    const last = out.at(-1)
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1]
    else out.push(e)
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '')
}

function viaScanner(doc: string, cuts: number[]): Event[] {
  const events: Event[] = []
  const scanner = new XmlScanner({ open: (n, a) => events.push(['open', n, a]), text: (t) => events.push(['text', t]), close: (n) => events.push(['close', n]) })
  let at = 0
  for (const cut of [...cuts.map((c) => c % (doc.length + 1))].sort((a, b) => a - b)) {
    scanner.write(doc.slice(at, cut))
    at = cut
  }
  scanner.write(doc.slice(at))
  scanner.close()
  return merged(events)
}

function viaSaxes(doc: string): Event[] {
  const events: Event[] = []
  const local = (n: string) => n.slice(n.indexOf(':') + 1)
  const p = new SaxesParser()
  let depth = 0
  // saxes reports the whitespace around the root element too; our tokenizer checks and drops it.
  const textEvent = (t: string) => depth > 0 && events.push(['text', t])
  p.on('opentag', (t) => {
    depth++
    events.push(['open', local(t.name), { ...(t.attributes as Record<string, string>) }])
  })
  p.on('text', textEvent)
  p.on('cdata', textEvent)
  p.on('closetag', (t) => {
    depth--
    events.push(['close', local(t.name)])
  })
  p.write(doc).close()
  return merged(events)
}

const scanAll = (doc: string) => () => viaScanner(doc, [])

describe('XLSX XML tokenizer', () => {
  it('gives exactly the events saxes gives, however the input is chunked', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 6 }), (doc, cuts) => {
        expect(viaScanner(doc, cuts)).toEqual(viaSaxes(doc))
      }),
      { numRuns: 400, seed: 20261125 },
    )
  })

  it('refuses what a spreadsheet never holds', () => {
    expect(scanAll('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow('DOCTYPE and entity declarations are not allowed')
    expect(scanAll('<x>&nbsp;</x>')).toThrow('undefined entity &nbsp;')
    expect(scanAll('<x>a & b</x>')).toThrow()
    expect(scanAll('<x><y></x></y>')).toThrow('unexpected closing tag </x>')
    expect(scanAll('<x><y>')).toThrow('unclosed tag <y>')
    expect(scanAll('<x a="1" a="2"/>')).toThrow('attribute a given twice')
    expect(scanAll('<x a="<"/>')).toThrow('"<" in an attribute value')
    expect(scanAll('<x a=1/>')).toThrow('attribute value without quotes')
    expect(scanAll('<x/><y/>')).toThrow('a second root element')
    expect(scanAll('hello<x/>')).toThrow('text outside the root element')
    expect(scanAll('<x>')).toThrow('unclosed tag <x>')
    expect(scanAll('')).toThrow('no root element')
    expect(scanAll('<x a="1"')).toThrow('unexpected end of the document')
  })

  it('keeps a token split across chunks whole', () => {
    expect(viaScanner('<x><c r="A1" t="s"><v>Zo&#235;</v></c><!-- note --></x>', [3, 9, 13, 24, 27, 33])).toEqual([
      ['open', 'x', {}],
      ['open', 'c', { r: 'A1', t: 's' }],
      ['open', 'v', {}],
      ['text', 'Zoë'],
      ['close', 'v'],
      ['close', 'c'],
      ['close', 'x'],
    ])
  })
})
