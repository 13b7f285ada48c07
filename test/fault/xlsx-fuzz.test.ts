import path from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { xlsxReader } from '../../src-main/core/sources/xlsx'
import { tempDir } from '../core/sources/format-helpers'
import { fuzzReader } from './fuzz-harness'

const dir = tempDir('mods-xlsx-fuzz-')
let seed: Buffer

beforeAll(async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Residents')
  ws.addRow(['NHS number', 'Name', 'Born'])
  ws.addRow(['9434765919', 'Zoë', new Date(Date.UTC(1938, 1, 14))])
  ws.addRow(['0123456789', 'Siân', 45000.5])
  ws.mergeCells('A4:C4')
  wb.addWorksheet('Hidden', { state: 'hidden' }).addRow(['Łukasz'])
  seed = Buffer.from(await wb.xlsx.writeBuffer())
})

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
)

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = m.at % bytes.length
  if (m.kind === 'truncate') return bytes.subarray(0, at)
  if (m.kind === 'splice') return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)])
  const out = Buffer.from(bytes)
  for (let i = 0; i < m.count; i++) out[(at + i * 97) % out.length] = (m.value + i) & 0xff
  return out
}

describe('fuzzed XLSX bytes', () => {
  it('always end in rows or IMPORT_REJECTED: no crash, no other error, no hang', async () => {
    const file = path.join(dir, 'fuzz.xlsx')
    const seen = await fuzzReader({ reader: xlsxReader, file, seed, mutation, mutate, maxMutations: 3, numRuns: 300 })
    expect(seen.read + seen.rejected).toBe(300)
    expect(seen.rejected).toBeGreaterThan(0)
  })
})
