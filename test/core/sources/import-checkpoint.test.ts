/** The import's WAL checkpoint runs just after the import resolves (not inside COMMIT), and the text is read ahead across chunks. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readRows } from '../../../src-main/core/sources'
import { importFile, newWorkspace, tempDir, writeFile } from './helpers'

describe('import checkpoint and read-ahead', () => {
  it('returns before copying the WAL into the workspace file, then copies all of it', async () => {
    const dir = tempDir()
    const ws = newWorkspace(dir)
    // ~300 KB: several 64 KB chunks read ahead, and a multi-line quoted cell somewhere among them.
    const lines = ['Resident ID,Given Name,Notes']
    for (let i = 1; i <= 6000; i++) lines.push(`R${String(i).padStart(5, '0')},Person ${i},${i === 2500 ? '"line one\nline, two"' : 'note ' + 'x'.repeat(i % 30)}`)
    const file = writeFile(dir, 'people.csv', lines.join('\n') + '\n')
    const sizeBefore = fs.statSync(ws.path).size

    const result = await importFile(ws, file)
    expect(fs.statSync(ws.path).size).toBe(sizeBefore)
    const table = result.tables[0]!
    expect(table.rows).toBe(6000)
    expect(readRows(ws.db, table.id, 2499, 1)[0]!.values).toEqual(['R02500', 'Person 2500', 'line one\nline, two'])
    expect(readRows(ws.db, table.id, 5999, 1)[0]!.values).toEqual(['R06000', 'Person 6000', 'note '])

    await new Promise((resolve) => setImmediate(resolve))
    expect(fs.statSync(ws.path).size).toBeGreaterThan(sizeBefore + 200_000)
    const [wal] = ws.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(wal!.checkpointed).toBe(wal!.log)
  })
})
