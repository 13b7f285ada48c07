/**
 * Progress of database-file imports (Access, SQLite): the job hears rows read and a fraction from
 * the tables' row counts, as CSV and XLSX imports report bytes of the file.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeJet4Mdb } from '../../helpers/jet4-writer'
import { importFile, newWorkspace, tempDir, testJob } from './helpers'

type Events = ReturnType<typeof testJob>['events']

/** The import phase's [rows, fraction] pairs, after checking that neither ever goes back. */
function steadyProgress(events: Events): [number, number][] {
  const steps = events.filter((e) => e.phase === 'import').map((e): [number, number] => [e.rows!, e.fraction!])
  for (const [i, [rows, fraction]] of steps.entries()) {
    const [rowsBefore, fractionBefore] = steps[i - 1] ?? [0, 0]
    expect([rows >= rowsBefore, fraction >= fractionBefore]).toEqual([true, true])
  }
  return steps
}

// Progress is reported at most every 100 ms; a clock that jumps a second per reading lets every batch report.
let clock = 0
beforeEach(() => {
  vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000))
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('progress of database-file imports', () => {
  it('Access: rows and a fraction from the tables row counts, ending at 1', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'care.mdb')
    writeJet4Mdb(file, [
      { name: 'Log', columns: [{ name: 'N', type: 'long' }, { name: 'Entry', type: 'text' }], rows: Array.from({ length: 12_000 }, (_, i) => [i, `Entry ${i}`]) },
      { name: 'Residents', columns: [{ name: 'Forename', type: 'text' }], rows: [['Zoë']] },
    ])
    const job = testJob()
    const result = await importFile(newWorkspace(dir), file, {}, job)
    expect(result.tables.map((t) => t.rows)).toEqual([12_000, 1])
    // One table of two per half: Log's three batches of up to 5,000 rows, then Residents' one row.
    expect(steadyProgress(job.events)).toEqual([
      [0, 0],
      [5000, 5000 / 12_000 / 2],
      [10_000, 10_000 / 12_000 / 2],
      [12_000, 0.5],
      [12_000, 0.5],
      [12_001, 0.99],
      [12_001, 1],
    ])
  })

  it('SQLite: rows and a fraction from the tables row counts, ending at 1', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'care.sqlite')
    const db = new Database(file)
    db.exec('CREATE TABLE log (n INTEGER, entry TEXT); CREATE TABLE residents (forename TEXT); CREATE VIEW named AS SELECT forename FROM residents')
    const insert = db.prepare('INSERT INTO log VALUES (?, ?)')
    db.transaction(() => {
      for (let i = 0; i < 9000; i++) insert.run(i, `Entry ${i}`)
    })()
    db.prepare('INSERT INTO residents VALUES (?)').run('Zoë')
    db.close()
    const job = testJob()
    const result = await importFile(newWorkspace(dir), file, {}, job)
    expect(result.tables.map((t) => [t.name, t.rows])).toEqual([['log', 9000], ['residents', 1], ['named', 1]])
    // A third per object: log in batches of 2,000 rows, then residents; the view's rows are not counted ahead.
    const third = 1 / 3
    expect(steadyProgress(job.events)).toEqual([
      [0, 0],
      ...[2000, 4000, 6000, 8000].map((rows) => [rows, (rows / 9000) * third]),
      [9000, third],
      [9000, third],
      [9001, 2 * third],
      [9001, 2 * third],
      [9002, 0.99],
      [9002, 1],
    ])
  })
})
