/**
 * What kind of container a spreadsheet file really is, from its bytes rather than its name
 * (security.md §5.6): an XLSX is a ZIP; a legacy .xls and a password-protected .xlsx are both
 * OLE compound files (CFB), told apart by the stream names in the CFB directory.
 */
import fs from 'node:fs'

export type Container = 'zip' | 'cfb' | 'other'

const zipMagic = [0x50, 0x4b, 0x03, 0x04]
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06]
const cfbMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const startsWith = (head: Uint8Array, magic: number[]): boolean => magic.every((b, i) => head[i] === b)

export function containerOf(head: Uint8Array): Container {
  if (startsWith(head, zipMagic) || startsWith(head, emptyZipMagic)) return 'zip'
  if (startsWith(head, cfbMagic)) return 'cfb'
  return 'other'
}

export type CfbKind = 'encrypted-ooxml' | 'legacy-workbook' | 'unknown'

/** Scans for the UTF-16LE stream names a CFB directory holds; names cannot occur split across sectors. */
export async function cfbKind(filePath: string): Promise<CfbKind> {
  const markers = {
    encrypted: Buffer.from('EncryptionInfo', 'utf16le'),
    workbook: Buffer.from('Workbook', 'utf16le'),
    book: Buffer.from('Book\0', 'utf16le'),
  }
  let workbook = false
  let tail = Buffer.alloc(0)
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const window = Buffer.concat([tail, chunk])
    if (window.includes(markers.encrypted)) return 'encrypted-ooxml'
    workbook ||= window.includes(markers.workbook) || window.includes(markers.book)
    tail = window.subarray(Math.max(0, window.length - 64))
  }
  return workbook ? 'legacy-workbook' : 'unknown'
}
