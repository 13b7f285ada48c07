import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { exportPack } from '../../../src-main/core/export'
import { loadRules, runChecks, shippedQualityCatalogue } from '../../../src-main/core/quality'
import type { Workspace } from '../../../src-main/core/workspace'
import { verifyAuditChain } from '../../../src-main/core/workspace'
import { addRecord, addSourceTable, tempWorkspace } from '../profile/fixtures'
import { fhirErrors } from './fhir-validate'

const actor = { user: 'tester', role: 'data-officer' }
let cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.forEach((f) => f())
  cleanup = []
})

function seeded(): { ws: Workspace; dir: string } {
  const t = tempWorkspace()
  cleanup.push(() => {
    t.ws.close()
    fs.rmSync(t.dir, { recursive: true, force: true })
  })
  const { ws } = t
  const residents = addSourceTable(ws, 'Residents', ['Resident ID'], [['R1'], ['R2'], ['R3']], 5)
  addRecord(ws, {
    dataset: 'person', key: 'R1', tableId: residents, rowId: 1,
    values: {
      'subject-of-care.local-identifier': 'R1', 'subject-of-care.nhs-number': '9434765919', 'subject-of-care.general-practice': 'B82005',
      'person-name.title': 'Mrs', 'person-name.given-name': 'Zoë', 'person-name.family-name': 'Brontë',
      'person-demographics.date-of-birth': '1941-03-03', 'person-demographics.gender-identity': '2', 'person-demographics.ethnicity': 'A',
      'person-demographics.interpreter-required': 'N', 'person-demographics.first-language': 'pl',
      'person-contact-details.address-line-1': '1 Mill Lane', 'person-contact-details.address-line-3': 'Leeds', 'person-contact-details.postcode': 'LS1 4AB',
      'person-contact-details.telephone': '01632 960123', 'person-contact-details.email': '=HYPERLINK("http://x","y")',
    },
  })
  // Invalid NHS number (left out of the Patient), no gender, impossible birth date.
  addRecord(ws, { dataset: 'person', key: 'R2', tableId: residents, rowId: 2, values: { 'person-name.family-name': 'Łukasz', 'subject-of-care.nhs-number': '9434765918', 'person-demographics.date-of-birth': '1938-02-31' } })
  addRecord(ws, { dataset: 'person', key: 'R3', tableId: residents, rowId: 3, values: { 'person-name.given-name': 'Siân', 'person-demographics.gender-identity': 'X' } })
  const nok = addSourceTable(ws, 'Next of Kin', ['Resident ID'], [['R1']])
  addRecord(ws, { dataset: 'contact', key: 'c1', personKey: 'R1', tableId: nok, rowId: 1, values: { 'contact.given-name': 'Mary', 'contact.family-name': 'Smith', 'contact.relationship': 'DAUC', 'contact.is-next-of-kin': 'Y', 'contact.telephone': '07700 900123' } })
  const allergies = addSourceTable(ws, 'Allergies', ['Resident ID'], [['R1'], ['R1'], ['R9999']])
  addRecord(ws, { dataset: 'allergy', key: 'a1', personKey: 'R1', tableId: allergies, rowId: 1, values: { 'allergy.causative-agent': 'NKDA' } })
  addRecord(ws, { dataset: 'allergy', key: 'a2', personKey: 'R1', tableId: allergies, rowId: 2, values: { 'allergy.causative-agent': 'Penicillin', 'allergy.type': 'allergy', 'allergy.criticality': 'high', 'allergy.reaction': 'Rash' } })
  addRecord(ws, { dataset: 'allergy', key: 'a3', personKey: 'R9999', tableId: allergies, rowId: 3, values: { 'allergy.causative-agent': 'Latex' } })
  // A medicine with no name: its person is exported, but FHIR needs the medicine (counted as incomplete, not as no person).
  addRecord(ws, { dataset: 'medication', key: 'm0', personKey: 'R1', values: { 'medication.dose': '5ml', 'medication.start-date': '2022-05-19' } })
  addRecord(ws, { dataset: 'medication', key: 'm1', personKey: 'R2', values: { 'medication.name': 'Paracetamol 500mg tablets', 'medication.dose': '1g', 'medication.route': 'Oral', 'medication.frequency': 'QDS', 'medication.start-date': '2022-05-19' } })
  runChecks(ws.db, actor, { rules: loadRules(), catalogue: shippedQualityCatalogue(), today: new Date(Date.UTC(2025, 10, 3)) })
  return t
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('export pack', () => {
  it('uses a validator that does reject invalid resources', () => {
    expect(fhirErrors({ resourceType: 'Patient', gender: 'woman', birthDate: '03/03/1941' } as { resourceType: string }).length).toBeGreaterThan(0)
  })

  it('writes a bundle of valid FHIR R4 resources, CSV extracts, issues and a manifest whose checksums match', () => {
    const { ws, dir } = seeded()
    const out = path.join(dir, 'exports')
    const result = exportPack(ws, actor, { purpose: 'Move to new care record system', outDir: out })
    const pack = path.join(out, result.packName)
    expect(fs.readdirSync(out).sort()).toEqual([result.packName, `${result.packName}.zip`])
    expect(result.files.map((f) => f.path)).toEqual(['fhir/bundle.json', 'mods/allergy.csv', 'mods/contact.csv', 'mods/medication.csv', 'mods/person.csv', 'issues.csv', 'manifest.json'])

    const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ workspaceId: ws.id, purpose: 'Move to new care record system', formulaEscaping: true, tool: { name: 'MODS Migrate' } })
    for (const f of manifest.files) {
      expect(sha256(path.join(pack, f.path))).toBe(f.sha256)
      expect(fs.statSync(path.join(pack, f.path)).size).toBe(f.bytes)
    }
    expect(sha256(path.join(out, `${result.packName}.zip`))).toBe(result.zip?.sha256)
    const unzipped = unzipSync(fs.readFileSync(path.join(out, `${result.packName}.zip`)))
    expect(Object.keys(unzipped).sort()).toEqual(result.files.map((f) => f.path).sort())

    const bundle = JSON.parse(fs.readFileSync(path.join(pack, 'fhir/bundle.json'), 'utf8'))
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' })
    expect(fhirErrors(bundle)).toEqual([])
    for (const entry of bundle.entry) {
      expect(fhirErrors(entry.resource), `${entry.resource.resourceType}/${entry.resource.id}`).toEqual([])
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`)
    }
    expect(result.counts.resources).toEqual({ Patient: 3, RelatedPerson: 1, AllergyIntolerance: 2, MedicationStatement: 1 })
    expect(result.counts.skipped).toEqual({ allergy: 1 })
    expect(result.counts.incomplete).toEqual({ medication: 1 })

    const patients = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource).filter((r: { resourceType: string }) => r.resourceType === 'Patient')
    const [zoe, lukasz, sian] = patients
    expect(zoe).toMatchObject({
      meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] },
      identifier: [
        {
          system: 'https://fhir.nhs.uk/Id/nhs-number',
          value: '9434765919',
          extension: [{
            url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
            valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code: '02', display: 'Number present but not traced' }] },
          }],
        },
        { system: `urn:uuid:${ws.id}`, value: 'R1' },
      ],
      name: [{ use: 'official', family: 'Brontë', given: ['Zoë'], prefix: ['Mrs'] }],
      gender: 'female',
      birthDate: '1941-03-03',
      address: [{ use: 'home', line: ['1 Mill Lane'], city: 'Leeds', postalCode: 'LS1 4AB' }],
      generalPractitioner: [{ type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'B82005' } }],
      extension: [
        { url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland', code: 'A', display: 'White - British' }] } },
        { url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: false },
      ],
    })
    expect(lukasz.identifier).toBeUndefined()
    expect(lukasz.birthDate).toBeUndefined()
    expect(sian.gender).toBe('unknown')
    const allergy = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'AllergyIntolerance').resource
    expect(allergy).toMatchObject({ patient: { reference: `urn:uuid:${zoe.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '409137002' }] } })

    const personCsv = fs.readFileSync(path.join(pack, 'mods/person.csv'), 'utf8')
    expect(personCsv.startsWith('\uFEFFrecord_key,person_key,')).toBe(true)
    expect(personCsv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(result.counts.escapedCells).toBeGreaterThanOrEqual(1)
    const issues = fs.readFileSync(path.join(pack, 'issues.csv'), 'utf8').trimEnd().split('\r\n')
    expect(issues[0]).toBe('\uFEFFissue_id,severity,rule_id,status,dataset,record_key,element_id,item,file,sheet,row_number,row_id,column,value,message,suggested_fix')
    expect(issues.length - 1).toBe(result.counts.issues.error + result.counts.issues.warning + result.counts.issues.info)
    expect(issues.some((l) => l.includes('nhs-number-check-digit') && l.includes('legacy.xlsx,Residents,6,2'))).toBe(true)

    const run = ws.db.prepare('SELECT pack_name FROM export_run').all()
    expect(run).toEqual([{ pack_name: result.packName }])
    const audit = ws.db.prepare(`SELECT details_json FROM audit_event WHERE action = 'export.created'`).pluck().get() as string
    expect(audit).not.toMatch(/Zoë|Brontë|9434765919/)
    expect(verifyAuditChain(ws.db).ok).toBe(true)
  })

  it('gives the same resource ids when the workspace is exported again', () => {
    const { ws, dir } = seeded()
    const ids = (name: string) =>
      (JSON.parse(fs.readFileSync(path.join(dir, 'exports', name, 'fhir/bundle.json'), 'utf8')).entry as { resource: { id: string } }[]).map((e) => e.resource.id)
    const a = exportPack(ws, actor, { purpose: 'first', outDir: path.join(dir, 'exports') })
    const b = exportPack(ws, actor, { purpose: 'second', outDir: path.join(dir, 'exports') })
    expect(b.packName).not.toBe(a.packName)
    expect(ids(b.packName)).toEqual(ids(a.packName))
    expect(ids(a.packName)[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('makes every folder and file of the pack and its zip readable by their owner only, whatever the umask', () => {
    const { ws, dir } = seeded()
    const previous = process.umask(0o022)
    try {
      const result = exportPack(ws, actor, { purpose: 'owner only', outDir: path.join(dir, 'exports'), zip: true })
      const root = path.join(dir, 'exports', result.packName)
      const modes = (fs.readdirSync(root, { recursive: true }) as string[]).map((f) => [f, fs.statSync(path.join(root, f)).mode & 0o777])
      expect(modes.length).toBeGreaterThan(4)
      for (const [f, mode] of modes) expect([f, mode]).toEqual([f, fs.statSync(path.join(root, String(f))).isDirectory() ? 0o700 : 0o600])
      expect(fs.statSync(root).mode & 0o777).toBe(0o700)
      expect(fs.statSync(`${root}.zip`).mode & 0o777).toBe(0o600)
    } finally {
      process.umask(previous)
    }
  })

  it('leaves nothing behind and records nothing when writing fails part-way', () => {
    const { ws, dir } = seeded()
    const out = path.join(dir, 'exports')
    const auditBefore = ws.db.prepare('SELECT count(*) FROM audit_event').pluck().get()
    expect(() =>
      exportPack(ws, actor, {
        purpose: 'doomed',
        outDir: out,
        onFile: (file) => {
          if (file === 'mods/person.csv') throw new Error('disk full')
        },
      }),
    ).toThrow(/could not be written, and nothing was left behind: disk full/)
    expect(fs.readdirSync(out)).toEqual([])
    expect(ws.db.prepare('SELECT count(*) FROM export_run').pluck().get()).toBe(0)
    expect(ws.db.prepare('SELECT count(*) FROM audit_event').pluck().get()).toBe(auditBefore)
  })
})
