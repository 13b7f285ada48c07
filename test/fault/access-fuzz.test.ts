/** Damaged .mdb files (from the test-only Jet 4 writer): rows or IMPORT_REJECTED, never a crash or a hang. */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accessReader, accessReaderUsing } from '../../src-main/core/sources/access'
import { inThreadSession } from '../../src-main/core/sources/access/session'
import { contextFor, drain, rejectionOf, tempDir } from '../core/sources/format-helpers'
import { buildJet4Mdb } from '../helpers/jet4-writer'
import type { Jet4Table } from '../helpers/jet4-writer'
import { fuzzReader } from './fuzz-harness'

const dir = tempDir('mods-access-fuzz-')
const pageSize = 4096
const seedTables: Jet4Table[] = [
  {
    name: 'Residents',
    columns: [
      { name: 'ResidentID', type: 'long' },
      { name: 'Forename', type: 'text' },
      { name: 'DOB', type: 'datetime' },
      { name: 'Active', type: 'boolean' },
      { name: 'WeightKg', type: 'double' },
    ],
    rows: [
      [1, 'Zoë', new Date(Date.UTC(1938, 1, 14)), true, 61.5],
      [2, 'Łukasz', null, false, null],
      [3, 'Siân', new Date(Date.UTC(1941, 10, 30)), true, 78],
    ],
  },
  { name: 'NextOfKin', columns: [{ name: 'ResidentID', type: 'long' }, { name: 'Name', type: 'text' }], rows: [[1, 'Mia Ashworth']] },
]
const seed = buildJet4Mdb(seedTables)

// Most bytes of a small file are page padding, so half the flips aim at page headers and table definitions.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('header' as const), page: fc.nat(), at: fc.integer({ min: 0, max: 200 }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (m.kind === 'truncate') return bytes.subarray(0, m.at % bytes.length)
  const out = Buffer.from(bytes)
  const at = m.kind === 'flip' ? m.at % out.length : ((m.page % Math.ceil(out.length / pageSize)) * pageSize + m.at) % out.length
  out[at] = m.value
  return out
}

describe('damaged Access files', () => {
  it.each([
    [2, 'the catalogue', 0],
    [3, 'a user table', 0],
    [3, 'a user table of an encoded database', 0x5eed1e55],
  ])('a table definition chain that loops back (page %i, %s) is refused instead of followed forever', async (page, _what, databaseKey) => {
    const bytes = databaseKey ? buildJet4Mdb(seedTables, { databaseKey }) : Buffer.from(seed)
    // The next-page pointer is 0, and encoding is an XOR stream, so XOR-ing sets it even in an encoded page.
    for (let i = 0; i < 4; i++) bytes[page * pageSize + 4 + i]! ^= (page >> (8 * i)) & 0xff
    const file = path.join(dir, 'loop.mdb')
    fs.writeFileSync(file, bytes)
    const r = await rejectionOf(drain(accessReader, contextFor(file)))
    expect([r.code, r.message]).toEqual(['IMPORT_REJECTED', `Cannot import loop.mdb: it is damaged (the table definition on page ${page} loops back on itself).`])
  })

  it('a broken table definition is refused naming the table', async () => {
    const bytes = Buffer.from(seed)
    bytes[3 * pageSize + 55] = 0x07 // the usage map pointer now names a row that does not exist
    const file = path.join(dir, 'usage.mdb')
    fs.writeFileSync(file, bytes)
    const r = await rejectionOf(drain(accessReader, contextFor(file)))
    expect([r.code, r.message, r.location]).toEqual([
      'IMPORT_REJECTED',
      'Cannot import usage.mdb, sheet Residents: the table definition could not be read (Unknown usage map type).',
      { file: 'usage.mdb', sheet: 'Residents' },
    ])
  })

  // Starting a worker from source costs ~0.3 s (tsx compiles it), so the parsing is fuzzed in this
  // thread and a sample goes through the worker to show the isolation changes no outcome.
  it.each([
    ['in this thread', accessReaderUsing(() => inThreadSession()), 400],
    ['through the isolation worker', accessReader, 25],
  ])('fuzzed bytes always end in rows or IMPORT_REJECTED (%s): no crash, no other error, no hang', async (_how, reader, numRuns) => {
    const file = path.join(dir, 'fuzz.mdb')
    const seen = await fuzzReader({ reader, file, seed, mutation, mutate, maxMutations: 4, numRuns })
    expect(seen.read + seen.rejected).toBe(numRuns)
    expect(seen.rejected).toBeGreaterThan(0)
  })
})
