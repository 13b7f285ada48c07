/**
 * Streams one XML part of the package through saxes (the strict, non-validating parser exceljs
 * also uses: it never expands DTD entities, so "billion laughs" cannot grow). Element names lose
 * their namespace prefix because some generators write `<x:row>` instead of `<row>`.
 */
import { SaxesParser } from 'saxes'
import { ReaderProblem } from './rejection'
import type { ZipArchive } from './zip'

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void
  text?(text: string): void
  close?(name: string): void
}


function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/**
 * Parses the part, yielding the size of each inflated chunk once the handlers have seen it, so
 * callers can drain what the handlers queued and report progress.
 */
export async function* parseXmlPart(zip: ZipArchive, part: string, handlers: XmlHandlers): AsyncGenerator<number> {
  const parser = new SaxesParser({ position: false })
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>))
  if (handlers.text) {
    const text = handlers.text
    parser.on('text', text)
    parser.on('cdata', text)
  }
  if (handlers.close) {
    const close = handlers.close
    parser.on('closetag', (tag) => close(localName(tag.name)))
  }
  const decoder = new TextDecoder('utf-8')
  const guard = (fn: () => void): void => {
    try {
      fn()
    } catch (e) {
      if (e instanceof ReaderProblem) throw e
      throw new ReaderProblem(`its part ${part} is not valid XML (${(e as Error).message.split('\n')[0]})`)
    }
  }
  for await (const chunk of zip.chunks(part)) {
    guard(() => parser.write(decoder.decode(chunk, { stream: true })))
    yield chunk.length
  }
  guard(() => parser.write(decoder.decode()).close())
  yield 0
}

/** Parses a small part completely (workbook, relationships, styles). */
export async function readXmlPart(zip: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXmlPart(zip, part, handlers)) {
    // handlers collect everything
  }
}
