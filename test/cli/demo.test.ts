/**
 * The vertical slice end to end: `mods-migrate demo` on the synthetic sample, then the planted
 * mess (docs/sample-data.md, sunnyside-care-home.facts.json) found exactly, every exported resource
 * valid FHIR R4, and bad input files refused without touching the workspace.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/main'
import { rowCounts } from '../../src-main/core/sources/store'
import { openWorkspace } from '../../src-main/core/workspace'
import { fhirErrors } from '../core/export/fhir-validate'

const facts = JSON.parse(fs.readFileSync(path.join(__dirname, '../../resources/samples/sunnyside-care-home.facts.json'), 'utf8'))

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(
    argv,
    (s) => {
      out += s + '\n'
      return true
    },
    (s) => {
      err += s + '\n'
      return true
    },
  )
  return { code, out, err }
}

let dir: string
let demo: { code: number; out: string; err: string }
let summary: {
  workspace: string
  imported: Record<string, number>
  quality: { byRule: { ruleId: string; count: number }[]; bySeverity: Record<string, number> }
  export: { packName: string; outDir: string; counts: { resources: Record<string, number>; skipped: Record<string, number> } }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-demo-'))
  demo = await cli('demo', '--out', dir, '--json')
  summary = JSON.parse(demo.out)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('mods-migrate demo', () => {
  it('imports every sheet of the sample and exits 0', () => {
    expect(demo.code).toBe(0)
    expect(summary.imported).toEqual({ Residents: facts.residentRows, 'Next of Kin': facts.nextOfKinRows, Allergies: facts.allergyRows, Medication: facts.medicationRows })
  })

  it('writes a pack whose manifest checksums match its files, plus the zip', () => {
    const pack = path.join(dir, summary.export.packName)
    const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'manifest.json'), 'utf8'))
    expect(manifest.files.length).toBe(6)
    for (const f of manifest.files) {
      const data = fs.readFileSync(path.join(pack, f.path))
      expect(createHash('sha256').update(data).digest('hex'), f.path).toBe(f.sha256)
      expect(data.length).toBe(f.bytes)
    }
    expect(fs.existsSync(path.join(dir, `${summary.export.packName}.zip`))).toBe(true)
  })

  // "Distinct" = distinct Resident ID: the 4 planted duplicates carry their own Resident IDs and stay
  // separate Patients until duplicate detection (issue 5) merges them.
  it('exports one valid UK Core Patient per distinct Resident ID, and only valid resources', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, summary.export.packName, 'fhir/bundle.json'), 'utf8'))
    const resources = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource)
    const patients = resources.filter((r: { resourceType: string }) => r.resourceType === 'Patient')
    expect(patients.length).toBe(facts.distinctPeople + facts.duplicateRows)
    const residentIds = patients.map((p: { identifier: { system: string; value: string }[] }) => p.identifier.find((i) => i.system.startsWith('urn:uuid:'))!.value)
    expect(new Set(residentIds).size).toBe(patients.length)
    const withNhs = patients.filter((p: { identifier: { system: string }[] }) => p.identifier.some((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number'))
    expect(withNhs.length).toBe(facts.residentRows - facts.nhsBlank - facts.nhsInvalid)
    for (const r of [bundle, ...resources]) expect(fhirErrors(r), `${r.resourceType}/${r.id}`).toEqual([])
    expect(summary.export.counts.skipped).toEqual({ allergy: facts.orphanAllergyRows })
  })

  it('finds exactly the planted problems', () => {
    const byRule = Object.fromEntries(summary.quality.byRule.map((r) => [r.ruleId, r.count]))
    expect(byRule['nhs-number-check-digit']).toBe(3)
    expect(byRule['mapping-invalid-value']).toBe(facts.dobImpossible + 1) // 31/02/1938 and the 8-digit NHS number
    expect(byRule['date-of-birth-plausible']).toBe(facts.dobFuture + facts.dobOver115)
    expect(byRule['admission-after-birth']).toBe(facts.admissionBeforeBirth)
    expect(byRule['person-link']).toBe(facts.orphanAllergyRows)
    // Blank D.O.B, Sex and Ethnicity cells, plus sexual orientation, which the sample never records.
    expect(byRule['mandatory-items']).toBe(facts.dobBlank + facts.sexBlank + facts.ethnicityBlank + 1)
    expect(byRule['mapping-unmapped-value']).toBe(facts.allergySeverityHigh)
  })

  it('replaces the demo workspace when run again', async () => {
    const again = await cli('demo', '--out', dir, '--json')
    expect(again.code).toBe(0)
    const ws = openWorkspace(path.join(dir, 'demo.modsws'))
    try {
      expect(ws.db.prepare(`SELECT count(*) FROM mods_record WHERE dataset = 'person'`).pluck().get()).toBe(facts.residentRows)
    } finally {
      ws.close()
    }
  })

  it.each([
    ['corrupt.xlsx', Buffer.from('PK\u0003\u0004 this is not a workbook'), /corrupt\.xlsx.*not a complete Excel workbook/],
    ['empty.csv', Buffer.alloc(0), /empty\.csv is empty \(0 bytes\): there is nothing to import/],
  ])('refuses %s with a specific error and leaves the row counts unchanged', async (name, bytes, message) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, bytes)
    const wsFile = path.join(dir, 'demo.modsws')
    const counts = () => {
      const ws = openWorkspace(wsFile)
      try {
        return rowCounts(ws.db)
      } finally {
        ws.close()
      }
    }
    const before = counts()
    const result = await cli('import', file, '--workspace', wsFile)
    expect(result.code).not.toBe(0)
    expect(result.err).toMatch(message)
    expect(counts()).toEqual(before)
  })
})
