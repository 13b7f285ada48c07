/**
 * The Access reader's worker isolation: a memo whose chain of long-value pages loops back on itself
 * (mdb-reader follows it for ever) ends the import with IMPORT_REJECTED within the step time limit
 * and leaves the workspace unchanged; ordinary files read identically with and without the worker.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importSource, listSourceTables, rowCounts } from '../../../src-main/core/sources'
import { accessReader, accessReaderUsing, isolationMemoryMb } from '../../../src-main/core/sources/access'
import { inThreadSession, isolatedSession } from '../../../src-main/core/sources/access/session'
import { buildJet4Mdb } from '../../helpers/jet4-writer'
import type { Jet4Table, Jet4Value } from '../../helpers/jet4-writer'
import { contextFor, drain, rejectionOf } from './format-helpers'
import { actor, newWorkspace, tempDir, testJob } from './helpers'

const pageSize = 4096

function notesTable(memo: Jet4Value): Jet4Table {
  return {
    name: 'Notes',
    columns: [
      { name: 'NoteID', type: 'long' },
      { name: 'Author', type: 'text' },
      { name: 'Body', type: 'memo' },
    ],
    rows: [
      [1, 'Mia Ashworth', 'Ate well; walked to the garden.'],
      [2, 'Rhys ap Siôn', memo],
    ],
  }
}
const residents: Jet4Table = { name: 'Residents', columns: [{ name: 'ResidentID', type: 'long' }, { name: 'Forename', type: 'text' }], rows: [[1, 'Zoë']] }

/**
 * A file whose second memo is stored on "other pages" (type 0x00) starting at a long-value row that
 * names itself as the next one. `dataBytes` is what that row holds after its pointer: with none,
 * mdb-reader spins without end; with some, it concatenates ever larger buffers.
 */
function loopingMemoFile(dataBytes: number): Buffer {
  const lvalPage = buildJet4Mdb([residents, notesTable(Buffer.alloc(12))]).length / pageSize
  const reference = Buffer.alloc(12)
  reference.writeUIntLE(0xffffff, 0, 3) // declared length: 16 MB
  reference.writeInt32LE(lvalPage << 8, 4) // first row: row 0 of the page appended below
  const page = Buffer.alloc(pageSize)
  page[0] = 0x01
  page.writeUInt16LE(1, 12) // one row
  const rowStart = pageSize - 4 - dataBytes
  page.writeUInt16LE(rowStart, 14)
  page.writeInt32LE(lvalPage << 8, rowStart) // next row: itself
  page.fill(0x61, rowStart + 4)
  return Buffer.concat([buildJet4Mdb([residents, notesTable(reference)]), page])
}

describe('Access reading in an isolated worker', () => {
  it.each([
    ['spins without end', 0],
    ['grows a buffer without end', 4],
  ])('a memo whose page chain loops back (mdb-reader %s) is refused within the step limit; nothing is imported', async (_how, dataBytes) => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    const file = path.join(dir, 'loop.mdb')
    fs.writeFileSync(file, loopingMemoFile(dataBytes))
    const reader = accessReaderUsing((_ctx, size) => isolatedSession({ memoryMb: isolationMemoryMb(size), stepSeconds: 2 }))
    const started = Date.now()
    const r = await rejectionOf(importSource(ws, { filePath: file, displayName: 'loop.mdb', options: {}, reader }, testJob(), actor))
    expect(Date.now() - started).toBeLessThan(10_000)
    expect([r.code, r.message, r.location]).toEqual([
      'IMPORT_REJECTED',
      'Cannot import loop.mdb, sheet Notes: the table could not be read in time (2 s); the file is probably damaged. Open it in Access, run Compact and Repair Database, and import it again.',
      { file: 'loop.mdb', sheet: 'Notes' },
    ])
    expect(listSourceTables(ws.db)).toEqual([])
    expect(rowCounts(ws.db)).toEqual({})
  })

  it('reads an ordinary file (memo values in the row) exactly as reading it in this thread does', async () => {
    const file = path.join(tempDir(), 'notes.mdb')
    fs.writeFileSync(file, buildJet4Mdb([residents, notesTable('Prefers tea, not coffee. Daughter visits on Sundays.')]))
    const isolated = await drain(accessReader, contextFor(file))
    expect(isolated).toEqual(await drain(accessReaderUsing(() => inThreadSession()), contextFor(file)))
    expect(isolated.map((s) => s.rows.map((r) => r.cells))).toEqual([
      [['1', 'Zoë']],
      [
        ['1', 'Mia Ashworth', 'Ate well; walked to the garden.'],
        ['2', 'Rhys ap Siôn', 'Prefers tea, not coffee. Daughter visits on Sundays.'],
      ],
    ])
  })

  it('sizes the worker memory from the file, within a cap', () => {
    expect([isolationMemoryMb(0), isolationMemoryMb(100 * 1024 ** 2), isolationMemoryMb(2 * 1024 ** 3)]).toEqual([256, 456, 2048])
  })
})
