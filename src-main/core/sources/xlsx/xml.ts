/**
 * Streams one XML part of the package through our strict tokenizer (xml-scan.ts), yielding after
 * each inflated chunk so callers can drain what the handlers queued. Problems found by handlers
 * (ReaderProblem) pass through; anything else means the part is not well-formed XML.
 */
import { ReaderProblem } from './rejection'
import { XmlScanner } from './xml-scan'
import type { XmlHandlers } from './xml-scan'
import type { ZipArchive } from './zip'

export type { XmlHandlers } from './xml-scan'

/** Parses the part, yielding the size of each inflated chunk once the handlers have seen it. */
export async function* parseXmlPart(zip: ZipArchive, part: string, handlers: XmlHandlers): AsyncGenerator<number> {
  const scanner = new XmlScanner(handlers)
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
    guard(() => scanner.write(decoder.decode(chunk, { stream: true })))
    yield chunk.length
  }
  guard(() => {
    scanner.write(decoder.decode())
    scanner.close()
  })
  yield 0
}

/** Parses a small part completely (workbook, relationships, styles, shared strings). */
export async function readXmlPart(zip: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXmlPart(zip, part, handlers)) {
    // handlers collect everything
  }
}
