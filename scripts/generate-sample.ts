/**
 * Writes resources/samples/sunnyside-care-home.xlsx: a synthetic legacy care-home export with the
 * mess real exports have (see docs/sample-data.md). Every person is invented from a seeded PRNG, so
 * re-running gives the same people. Planted problems sit at fixed indices, so their counts are exact.
 * Also writes sunnyside-care-home.facts.json (the planted counts) for tests.
 *
 * Run: npx tsx scripts/generate-sample.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { nhsCheckDigit } from '../src-main/core/identity/nhs-number'
import { femaleNames, maleNames, surnames, streets, towns, allergens, drugs, relationships, religions, languages, ethnicities } from './sample-vocabulary'

/** mulberry32: tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = prng(20251103)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))

const peopleCount = 60
/** Planted problems, by person index (0-based; Resident ID = R1001 + index). */
const plant = {
  nhsMissing: [5, 11, 23, 38, 44, 57],
  nhsBadCheckDigit: [9, 27, 51],
  nhsWrongLength: [40],
  dobMissing: [14, 36],
  dobImpossible: [21], // 31/02/1938
  dobFuture: [29], // typo 2041 for 1941
  dobTooOld: [45], // born 1899
  admissionBeforeBirth: [53],
  admissionMissing: [8],
  sexMissing: [19, 42],
  ethnicityMissing: [3, 26, 49],
  /** person index -> how the duplicate row differs (it gets a new Resident ID). */
  duplicates: [4, 17, 33, 48],
  noNextOfKin: [12, 30, 55],
  twoNextOfKin: [0, 6, 18, 24, 36, 42, 54],
} as const
/** person index -> [given, family, female] */
const nonAscii: Record<number, [string, string, boolean]> = {
  2: ['Zoë', 'Brontë', true],
  10: ['Siân', 'Llewellyn', true],
  15: ['Łukasz', 'Wiśniewski', false],
  34: ['Renée', "O'Connor", true],
}

interface Person {
  id: string
  title: string
  given: string
  family: string
  female: boolean
  dob: Date | null
  nhs: string | null
  address1: string
  address2: string
  town: string
  postcode: string
  tel: string
  ethnicity: string
  religion: string
  language: string
  interpreter: string
  gp: string
  admission: Date | null
}

function validNhs(): string {
  for (;;) {
    const nine = `999${String(int(0, 999999)).padStart(6, '0')}`
    const check = nhsCheckDigit(nine)
    if (check !== null) return nine + String(check)
  }
}

function postcode(): string {
  const L = 'ABDEFGHJLNPRSTUWXY'
  return `${pick(['LS', 'BD', 'HX', 'WF', 'HD'])}${int(1, 29)} ${int(0, 9)}${pick([...L])}${pick([...L])}`
}

function makePerson(i: number): Person {
  const planted = nonAscii[i]
  const female = planted ? planted[2] : rand() < 0.62
  const [given, family] = planted ?? [pick(female ? femaleNames : maleNames), pick(surnames)]
  // 1930-1958 so 'd.m.yy' births read as 19yy under Excel's two-digit-year rule (00-29 -> 20yy).
  const dob = new Date(Date.UTC(int(1930, 1958), int(0, 11), int(1, 28)))
  const admission = new Date(Date.UTC(int(2015, 2025), int(0, 11), int(1, 28)))
  const language = i % 11 === 7 ? pick(languages.slice(1)) : 'English'
  return {
    id: `R${1001 + i}`,
    title: female ? pick(['Mrs', 'Miss', 'Ms', 'Mrs', '']) : pick(['Mr', 'Mr', 'Dr', '']),
    given, family, female, dob, admission,
    nhs: validNhs(),
    address1: `${int(1, 120)} ${pick(streets)}`,
    address2: rand() < 0.3 ? pick(['Flat 2', 'Rose Cottage', 'Headingley', 'Low Moor']) : '',
    town: pick(towns),
    postcode: postcode(),
    tel: `01632 960${String(int(0, 999)).padStart(3, '0')}`,
    ethnicity: pick(ethnicities),
    religion: pick(religions),
    language,
    interpreter: language === 'English' ? pick(['N', 'No', '', 'n']) : pick(['Y', 'Yes']),
    gp: pick(['B82005', 'B86034', 'B83620', 'Y02873']),
  }
}

const people = Array.from({ length: peopleCount }, (_, i) => makePerson(i))
const has = (list: readonly number[], i: number) => list.includes(i)
people.forEach((p, i) => {
  if (has(plant.nhsMissing, i)) p.nhs = null
  if (has(plant.nhsBadCheckDigit, i)) p.nhs = p.nhs!.slice(0, 9) + String((Number(p.nhs![9]) + 1) % 10)
  if (has(plant.nhsWrongLength, i)) p.nhs = p.nhs!.slice(0, 8)
  if (has(plant.dobMissing, i)) p.dob = null
  if (has(plant.dobTooOld, i)) p.dob = new Date(Date.UTC(1899, 6, 4))
  if (has(plant.admissionMissing, i)) p.admission = null
  if (has(plant.admissionBeforeBirth, i)) p.admission = new Date(Date.UTC(1935, 2, 1))
  if (has(plant.ethnicityMissing, i)) p.ethnicity = ''
})

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')
/** Five legacy date styles, chosen by row so each appears often. */
function legacyDate(d: Date | null, style: number): string | Date {
  if (!d) return ''
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
  switch (style % 5) {
    case 0: return d // a real Excel date cell
    case 1: return `${pad(day)}/${pad(m)}/${y}`
    case 2: return `${day}.${m}.${String(y).slice(2)}`
    case 3: return `${day} ${months[m - 1]} ${y}`
    default: return `${y}-${pad(m)}-${pad(day)}`
  }
}

function dobCell(p: Person, i: number): string | Date {
  if (has(plant.dobImpossible, i)) return '31/02/1938'
  if (has(plant.dobFuture, i)) return `${pad(p.dob!.getUTCDate())}/${pad(p.dob!.getUTCMonth() + 1)}/2041`
  // d.m.yy would make 1899 ambiguous; keep the too-old date in full.
  return legacyDate(p.dob, has(plant.dobTooOld, i) ? 1 : i)
}

function nhsCell(nhs: string | null, i: number): string {
  if (!nhs) return ''
  if (nhs.length !== 10) return nhs
  return [nhs, `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`, `${nhs.slice(0, 3)}-${nhs.slice(3, 6)}-${nhs.slice(6)}`][i % 3]!
}

const sexStyles = [['F', 'M'], ['Female', 'Male'], ['f ', 'm'], ['FEMALE', 'MALE'], [' Female', 'M ']] as const
function sexCell(p: Person, i: number): string {
  if (has(plant.sexMissing, i)) return ''
  const style = sexStyles[i % sexStyles.length]!
  return p.female ? style[0] : style[1]
}

function postcodeCell(pc: string, i: number): string {
  if (i % 7 === 3) return pc.toLowerCase()
  if (i % 7 === 5) return pc.replace(' ', '')
  return pc
}

function residentRow(p: Person, i: number, id = p.id): (string | Date)[] {
  return [
    id, p.title, i % 9 === 4 ? ` ${p.given}` : p.given, i % 8 === 6 ? `${p.family}  ` : p.family,
    dobCell(p, i), sexCell(p, i), nhsCell(p.nhs, i), p.address1, p.address2, p.town, postcodeCell(p.postcode, i),
    p.tel, p.ethnicity, p.religion, p.language, p.interpreter, p.gp, legacyDate(p.admission, i + 2),
  ]
}

/** The duplicate: same person, new Resident ID, small variations a second data entry produces. */
function duplicateRow(p: Person, i: number, n: number): (string | Date)[] {
  const row = residentRow(p, i, `R${1001 + peopleCount + n}`)
  row[2] = n % 2 === 0 ? p.given.toUpperCase() : p.given.slice(0, 1) + p.given.slice(1).toLowerCase() + ' '
  row[4] = legacyDate(p.dob, i + 1)
  row[10] = p.postcode.replace(' ', '')
  if (n === 2) row[6] = ''
  return row
}

const title = 'Sunnyside Care Home – resident list'
const headers = {
  Residents: ['Resident ID', 'Title', 'Forename', 'Surname', 'D.O.B', 'Sex', 'NHS No', 'Address 1', 'Address 2', 'Town', 'Post Code', 'Tel', 'Ethnicity', 'Religion', 'First Language', 'Interpreter?', 'GP Practice Code', 'Admission Date'],
  'Next of Kin': ['Resident ID', 'NOK Name', 'Relationship', 'NOK Tel', 'NOK Email', 'LPA (Y/N)'],
  Allergies: ['Resident ID', 'Allergen', 'Reaction', 'Severity', 'Type'],
  Medication: ['Resident ID', 'Drug', 'Dose', 'Route', 'Frequency', 'Start Date'],
}

function nokRows(): string[][] {
  const rows: string[][] = []
  people.forEach((p, i) => {
    if (has(plant.noNextOfKin, i)) return
    const count = has(plant.twoNextOfKin, i) ? 2 : 1
    for (let k = 0; k < count; k++) {
      const nokFemale = rand() < 0.6
      const given = pick(nokFemale ? femaleNames : maleNames)
      const family = k === 0 ? p.family : pick(surnames)
      const style = (i + k) % 3
      const title = nokFemale ? pick(['Mrs', 'Ms', 'Miss']) : 'Mr'
      const name = style === 0 ? `${family.toUpperCase()}, ${given}` : style === 1 ? `${title} ${given} ${family}` : `${given} ${family}`
      const relation = pick(nokFemale ? relationships.female : relationships.male)
      const tel = (i + k) % 2 === 0 ? `07700 900${String(int(0, 999)).padStart(3, '0')}` : `01632960${String(int(0, 999)).padStart(3, '0')}`
      const email = (i + k) % 4 === 1 ? `${given.toLowerCase()}.${family.toLowerCase().replace(/[^a-z]/g, '')}@example.com` : ''
      rows.push([p.id, name, relation, tel, email, pick(['Y', 'N', 'N', '', 'yes'])])
    }
  })
  return rows
}

function allergyRows(): string[][] {
  const rows: string[][] = []
  people.forEach((p, i) => {
    if (i % 3 === 0) rows.push([p.id, 'NKDA', '', '', ''])
    else if (i % 4 === 1) {
      const [agent, reaction, type] = pick(allergens)
      rows.push([p.id, agent, reaction, pick(['Mild', 'Moderate', 'Severe', 'High']), type])
    }
  })
  rows.splice(7, 0, ['R9999', 'Penicillin', 'Rash', 'Moderate', 'Allergy'])
  return rows
}

function medicationRows(): (string | Date)[][] {
  const rows: (string | Date)[][] = []
  people.forEach((p, i) => {
    const count = i % 4
    for (let k = 0; k < count; k++) {
      const [drug, dose, route, freq] = pick(drugs)
      const start = new Date(Date.UTC(int(2018, 2025), int(0, 11), int(1, 28)))
      rows.push([p.id, drug, dose, route, freq, legacyDate(start, i + k)])
    }
  })
  return rows
}

/** Legacy exports leave blank cells empty rather than writing empty strings. */
const emptyAsNull = (row: (string | Date)[]) => row.map((v) => (v === '' ? null : v))

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Admin'
  wb.created = wb.modified = new Date(Date.UTC(2025, 10, 3, 9, 0, 0))
  const residents = wb.addWorksheet('Residents')
  residents.addRow([title])
  residents.addRow(['Exported 03/11/2025 by Admin'])
  residents.addRow([])
  residents.addRow(headers.Residents)
  const residentData = people.map((p, i) => residentRow(p, i))
  plant.duplicates.forEach((pi, n) => residentData.push(duplicateRow(people[pi]!, pi, n)))
  for (const row of residentData) residents.addRow(emptyAsNull(row))
  residents.eachRow((row) => row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy'
  }))
  const [nok, allergies, medication] = [nokRows(), allergyRows(), medicationRows()]
  const sheets: [keyof typeof headers, (string | Date)[][]][] = [['Next of Kin', nok], ['Allergies', allergies], ['Medication', medication]]
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name)
    ws.addRow(headers[name])
    for (const row of rows) ws.addRow(emptyAsNull(row)).eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd/mm/yyyy'
    })
  }
  const dir = path.join(process.cwd(), 'resources', 'samples')
  fs.mkdirSync(dir, { recursive: true })
  await wb.xlsx.writeFile(path.join(dir, 'sunnyside-care-home.xlsx'))
  const facts = {
    residentRows: residentData.length,
    distinctPeople: peopleCount,
    duplicateRows: plant.duplicates.length,
    duplicatesOf: plant.duplicates.map((pi, n) => ({ original: people[pi]!.id, duplicate: `R${1001 + peopleCount + n}` })),
    nextOfKinRows: nok.length,
    allergyRows: allergies.length,
    nkdaRows: allergies.filter((r) => r[1] === 'NKDA').length,
    orphanAllergyRows: 1,
    /** 'High' is not a reaction severity (mild / moderate / severe). */
    allergySeverityHigh: allergies.filter((r) => r[3] === 'High').length,
    medicationRows: medication.length,
    nhsBlank: plant.nhsMissing.length + 1,
    nhsInvalid: plant.nhsBadCheckDigit.length + plant.nhsWrongLength.length,
    dobBlank: plant.dobMissing.length,
    dobImpossible: plant.dobImpossible.length,
    dobFuture: plant.dobFuture.length,
    dobOver115: plant.dobTooOld.length,
    admissionBeforeBirth: plant.admissionBeforeBirth.length,
    admissionBlank: plant.admissionMissing.length,
    sexBlank: plant.sexMissing.length,
    ethnicityBlank: plant.ethnicityMissing.length,
    residentsWithoutNextOfKin: plant.noNextOfKin.length,
    residentsWithTwoNextOfKin: plant.twoNextOfKin.length,
    residentBlankCells: Object.fromEntries(
      headers.Residents.map((h, c) => [h, residentData.filter((r) => typeof r[c] === 'string' && (r[c] as string).trim() === '').length]),
    ),
    plantedIndices: plant,
  }
  fs.writeFileSync(path.join(dir, 'sunnyside-care-home.facts.json'), JSON.stringify(facts, null, 2) + '\n')
  console.log(JSON.stringify({ ...facts, plantedIndices: undefined }, null, 2))
}

await main()
