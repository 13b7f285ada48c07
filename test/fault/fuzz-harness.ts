/** Shared by the fuzz tests: mutate a seed file many times and require rows or IMPORT_REJECTED, never a crash or a hang. */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { ApiError } from '../../src-main/contract/errors'
import type { SourceReader } from '../../src-main/core/sources/reader'
import { contextFor, drain } from '../core/sources/format-helpers'

const perCaseMs = 5000

/** Fails with hangMessage when work has not settled within ms: a hang is a finding, not a slow test. */
export async function withinTime<T>(work: Promise<T>, ms: number, hangMessage: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(hangMessage)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function outcome(reader: SourceReader, file: string): Promise<'read' | 'rejected'> {
  try {
    await withinTime(drain(reader, contextFor(file)), perCaseMs, `hang: no outcome within ${perCaseMs} ms`)
    return 'read'
  } catch (e) {
    if (e instanceof ApiError && e.code === 'IMPORT_REJECTED' && e.message.startsWith(`Cannot import ${path.basename(file)}`)) return 'rejected'
    throw e
  }
}

export interface FuzzPlan<M> {
  reader: SourceReader
  file: string
  seed: Buffer
  mutation: fc.Arbitrary<M>
  mutate: (bytes: Buffer, m: M) => Buffer
  maxMutations: number
  numRuns: number
}

/** Runs the plan with a fixed fast-check seed and counts how each case ended; any other ending throws. */
export async function fuzzReader<M>(plan: FuzzPlan<M>): Promise<{ read: number; rejected: number }> {
  const seen = { read: 0, rejected: 0 }
  await fc.assert(
    fc.asyncProperty(fc.array(plan.mutation, { minLength: 1, maxLength: plan.maxMutations }), async (mutations) => {
      fs.writeFileSync(plan.file, mutations.reduce(plan.mutate, plan.seed))
      seen[await outcome(plan.reader, plan.file)]++
    }),
    { numRuns: plan.numRuns, seed: 20261125 },
  )
  return seen
}
