/**
 * The workbook-level parts an XLSX reader needs before any sheet: the sheet list (names, hidden
 * state, part paths), the 1900/1904 date system, which cell styles are date formats, and the
 * shared strings. Each part is small next to the sheets, and all are capped by the ZIP guards.
 */
import path from 'node:path/posix'
import { readXmlPart } from './xml'
import { styleReading, unescapeXstring } from './cell-text'
import type { StyleReading } from './cell-text'
import { ReaderProblem } from './rejection'
import type { ZipArchive } from './zip'

export interface SheetEntry {
  name: string
  hidden: boolean
  part: string
}

export interface WorkbookInfo {
  sheets: SheetEntry[]
  date1904: boolean
  /** Per cell style index (`s` attribute): how its number format affects reading. */
  styles: StyleReading[]
  sharedStrings: string[]
}

interface Relationship {
  target: string
  type: string
}

const relsPathOf = (part: string): string => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`)

async function readRelationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>()
  const relsPart = relsPathOf(part)
  if (!zip.has(relsPart)) return rels
  const base = path.dirname(part)
  await readXmlPart(zip, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : path.join(base, a.Target)
      rels.set(a.Id, { target, type: a.Type ?? '' })
    },
  })
  return rels
}

const idAttribute = (a: Record<string, string>): string | undefined =>
  Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1]

async function workbookPart(zip: ZipArchive): Promise<string> {
  const root = await readRelationships(zip, '')
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
  const part = office?.target ?? 'xl/workbook.xml'
  if (part.endsWith('.bin')) throw new ReaderProblem('it is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)')
  if (!zip.has(part)) throw new ReaderProblem('it is not an Excel workbook (no workbook part inside)')
  return part
}

/** Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const builtInDateFormats = new Map<number, string>([
  [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'], [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'],
])
const builtInText = new Map<number, string>([[49, '@']])

async function readFormats(zip: ZipArchive, part: string | undefined): Promise<(string | null)[]> {
  if (!part || !zip.has(part)) return []
  const custom = new Map<number, string>()
  const formats: (string | null)[] = []
  let inCellXfs = false
  await readXmlPart(zip, part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode)
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0)
        formats.push(custom.get(id) ?? builtInDateFormats.get(id) ?? builtInText.get(id) ?? null)
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    },
  })
  return formats
}

async function readSharedStrings(zip: ZipArchive, part: string | undefined, maxChars: number): Promise<string[]> {
  if (!part || !zip.has(part)) return []
  const strings: string[] = []
  let current = ''
  let inText = false
  let phonetic = 0
  await readXmlPart(zip, part, {
    open(name) {
      if (name === 'si') current = ''
      else if (name === 't') inText = phonetic === 0
      else if (name === 'rPh') phonetic++
    },
    text(t) {
      if (!inText) return
      current += t
      if (current.length > maxChars) throw new ReaderProblem(`a shared text value is longer than ${maxChars} characters`)
    },
    close(name) {
      if (name === 't') inText = false
      else if (name === 'rPh') phonetic--
      else if (name === 'si') strings.push(unescapeXstring(current))
    },
  })
  return strings
}

export async function readWorkbook(zip: ZipArchive, maxCellChars: number): Promise<WorkbookInfo> {
  const part = await workbookPart(zip)
  const rels = await readRelationships(zip, part)
  const sheets: SheetEntry[] = []
  let date1904 = false
  await readXmlPart(zip, part, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true'
      if (name !== 'sheet') return
      const rel = rels.get(idAttribute(a) ?? '')
      // Chart and dialog sheets hold no cells.
      if (!rel || !rel.type.endsWith('/worksheet')) return
      sheets.push({ name: a.name ?? rel.target, hidden: a.state === 'hidden' || a.state === 'veryHidden', part: rel.target })
    },
  })
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target
  return {
    sheets,
    date1904,
    styles: (await readFormats(zip, byType('/styles'))).map(styleReading),
    sharedStrings: await readSharedStrings(zip, byType('/sharedStrings'), maxCellChars),
  }
}
