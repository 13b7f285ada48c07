/**
 * Hand-built XLSX packages for the hostile-input tests: a minimal workbook around one sheet's XML,
 * written by a tiny ZIP writer that can lie about sizes (the point of a disguised zip bomb).
 */
import zlib from 'node:zlib'

export interface ZipPart {
  name: string
  data: Buffer | string
  /** Uncompressed size written in the headers; the real size when absent. */
  declaredSize?: number
}

/**
 * The fields a local header and its central directory entry share, in the same order from
 * "version needed" on (the central entry has them 2 bytes later): version, deflate, CRC, sizes, name length.
 */
function writeEntryFields(header: Buffer, at: number, e: { crc: number; packedSize: number; size: number; nameLength: number }): void {
  header.writeUInt16LE(20, at)
  header.writeUInt16LE(8, at + 4)
  header.writeUInt32LE(e.crc, at + 10)
  header.writeUInt32LE(e.packedSize, at + 14)
  header.writeUInt32LE(Math.min(e.size, 0xffffffff), at + 18)
  header.writeUInt16LE(e.nameLength, at + 22)
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8')
    const packed = zlib.deflateRawSync(data)
    const name = Buffer.from(part.name, 'utf8')
    const size = part.declaredSize ?? data.length
    const entry = { crc: zlib.crc32(data), packedSize: packed.length, size, nameLength: name.length }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    writeEntryFields(local, 4, entry)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    writeEntryFields(central, 6, entry)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A workbook with one sheet "Residents" whose part holds `sheetXml`, plus optional shared strings. */
export function minimalXlsx(sheetXml: string | Buffer, options: { sharedStrings?: string; sheetDeclaredSize?: number; extraParts?: ZipPart[] } = {}): Buffer {
  const rels = [`<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>`]
  if (options.sharedStrings !== undefined) rels.push(`<Relationship Id="rId2" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>`)
  const parts: ZipPart[] = [
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns:r="${relNs}"><sheets><sheet name="Residents" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...(options.sheetDeclaredSize === undefined ? {} : { declaredSize: options.sheetDeclaredSize }) },
  ]
  if (options.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: options.sharedStrings })
  return buildZip([...parts, ...(options.extraParts ?? [])])
}

export const sheet = (rows: string, head = ''): string => `<?xml version="1.0"?><worksheet>${head}<sheetData>${rows}</sheetData></worksheet>`
