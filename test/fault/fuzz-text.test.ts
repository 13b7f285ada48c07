/**
 * Fuzzing the CSV and JSON readers (security.md §5): valid files with bytes flipped, truncated,
 * or stray quotes, NULs and line breaks inserted. Every case must end, quickly, in a correct
 * import or a specific ApiError, and never leave a half-written table.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../src-main/contract/errors'
import { importSource, rowCounts } from '../../src-main/core/sources'
import { createWorkspace } from '../../src-main/core/workspace'
import type { Workspace } from '../../src-main/core/workspace'
import { withinTime } from './fuzz-harness'

const csv = Buffer.from('Title line\n\nID,Given Name,Tel,Note\n1,Zoë,07700 900123,"a, b"\n2,Siân,0123,"say ""hi"""\n3,Łukasz,,"two\nlines"\n')
const json = Buffer.from(JSON.stringify([{ id: 1, name: { given: 'Zoë' }, tel: '0123' }, { id: 2, name: { given: 'Siân' }, tags: ['a'] }]))

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', '\0', '\n', '\r', ',', '{', '\uFEFF', '""') }),
)

function mutate(base: Buffer, ops: { kind: string; at: number; byte?: number; text?: string }[]): Buffer {
  let b = Buffer.from(base)
  for (const op of ops) {
    const at = b.length ? op.at % b.length : 0
    if (op.kind === 'flip' && b.length) b[at] = op.byte!
    else if (op.kind === 'truncate') b = b.subarray(0, at)
    else if (op.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(op.text!), b.subarray(at)])
  }
  return b
}

let dir: string
let ws: Workspace
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-fuzz-'))
  ws = createWorkspace(path.join(dir, 'fuzz.modsws'), 'fuzz')
})
afterAll(() => {
  ws.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const perCaseMs = 5_000

async function importOnce(name: string, bytes: Buffer): Promise<void> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  const before = rowCounts(ws.db)
  const attempt = importSource(ws, { filePath: file, displayName: name, options: { onDuplicate: 'replace' } }, { throwIfCancelled() {}, progress() {} }, { user: 'fuzz', role: 'administrator' })
  try {
    const result = await withinTime(attempt, perCaseMs, `hang: ${bytes.toString('hex')}`)
    for (const t of result.tables) expect(rowCounts(ws.db)[`${name}#${t.name}`]).toBe(t.rows)
  } catch (err) {
    if (!(err instanceof ApiError)) throw new Error(`Unexpected ${String(err)} for input ${bytes.toString('hex')}`)
    expect(['IMPORT_REJECTED', 'CONFLICT']).toContain(err.code)
    expect(err.message.length).toBeGreaterThan(10)
    expect(rowCounts(ws.db)).toEqual(before)
  }
}

describe('fuzzed text sources', () => {
  it('CSV: a correct import or a specific error, every time', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ops) => importOnce('fuzz.csv', mutate(csv, ops))), { numRuns: 150, seed: 20261125 })
  })

  it('JSON: a correct import or a specific error, every time', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ops) => importOnce('fuzz.json', mutate(json, ops))), { numRuns: 150, seed: 20261125 })
  })
})
