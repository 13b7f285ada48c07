import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../run-cli'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function csv(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-suggest-cli-'))
  dirs.push(dir)
  const file = path.join(dir, 'clients.csv')
  fs.writeFileSync(file, content)
  return file
}

describe('mods-migrate suggest', () => {
  it('prints ranked suggestions per column in the documented JSON shape', async () => {
    const file = csv('Service User No,D.O.B,NOK Tel,Allergies (free text),Zzq\nSU1,03/04/1941,07700 900123,Penicillin,qwv\nSU2,23/11/1938,01632 960123,,kpz\n')
    const { code, out } = await cli(['suggest', file, '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(out) as { columns: { column: string; suggestions: Record<string, unknown>[]; unmapped?: string }[] }
    expect(Object.keys(json)).toEqual(['columns'])
    expect(json.columns.map((c) => c.column)).toEqual(['Service User No', 'D.O.B', 'NOK Tel', 'Allergies (free text)', 'Zzq'])
    for (const c of json.columns) {
      for (const s of c.suggestions) expect(Object.keys(s)).toEqual(['item', 'label', 'class', 'confidence', 'reason'])
    }
    const dob = json.columns[1]!
    expect(Object.keys(dob)).toEqual(['column', 'suggestions'])
    expect(dob.suggestions[0]).toMatchObject({ item: 'person-demographics.date-of-birth', label: 'Date of birth', class: 'Person demographics' })
    expect(dob.suggestions[0]!.reason).toBe("header is the item name 'date of birth'; 100% of values are dd/mm/yyyy-style dates")
    expect(json.columns.map((c) => c.suggestions[0]?.item ?? null)).toEqual([
      'subject-of-care.local-identifier',
      'person-demographics.date-of-birth',
      'contact.telephone',
      'allergy.causative-agent',
      null,
    ])
    expect(json.columns[4]).toEqual({ column: 'Zzq', suggestions: [], unmapped: "No MODS item matches the header 'Zzq' or its values." })
  })

  it('says which sheet is missing', async () => {
    const { code, err } = await cli(['suggest', csv('a,b\n1,2\n'), '--sheet', 'Residents'])
    expect(code).toBe(3)
    expect(err).toMatch(/no sheet/)
  })
})
