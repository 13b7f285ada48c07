/**
 * File names within a byte budget: most file systems allow 255 bytes per name, not 255 characters,
 * and a non-Latin character takes 2–4 bytes of UTF-8. Used for workspace files and uploaded copies.
 */
const characters = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The longest start of `text` that fits `maxBytes` of UTF-8, never splitting a character. */
export function fitUtf8(text: string, maxBytes: number): string {
  let fitted = ''
  let used = 0
  for (const { segment } of characters.segment(text)) {
    used += Buffer.byteLength(segment)
    if (used > maxBytes) break
    fitted += segment
  }
  return fitted
}

/** "report.final.xlsx" → ["report.final", ".xlsx"]; only a short, plain extension counts. */
function splitExtension(name: string): [stem: string, extension: string] {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? ''
  return [name.slice(0, name.length - extension.length), extension]
}

/** Trims `name` to `maxBytes` of UTF-8, cutting the stem so the extension (which picks the reader) survives. */
export function fitFileName(name: string, maxBytes: number, fallbackStem: string): string {
  const [stem, extension] = splitExtension(name)
  const fitted = fitUtf8(stem, maxBytes - Buffer.byteLength(extension)).trim()
  return (fitted || fallbackStem) + extension
}
