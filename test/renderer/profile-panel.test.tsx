import { describe, expect, it } from 'vitest'
import { ProfilePanel } from '../../src-renderer/src/features/data/ProfilePanel'
import { fakeTransport, render } from './render'

const column = {
  ordinal: 0,
  name: 'NHS No',
  type: 'integer',
  typeCounts: { integer: 57, decimal: 0, date: 0, text: 0 },
  pattern: { kind: 'nhs-number', share: 0.93 },
  blanks: 7,
  distinct: 57,
  distinctCapped: false,
  topValues: [{ value: '9434765919', count: 2 }],
  minLength: 10,
  maxLength: 12,
  shapes: [],
}

describe('ProfilePanel', () => {
  it('shows each column with blanks, distinct values and the recognised pattern in words', async () => {
    const t = fakeTransport({ 'profile.table': () => ({ tableId: 3, name: 'Residents', fileName: 's.xlsx', sheet: 'Residents', rows: 64, columns: [column] }) })
    const view = await render(<ProfilePanel tableId={3} />, t)
    expect(t.calls).toEqual([{ method: 'profile.table', input: { tableId: 3 } }])
    const row = view.querySelector('tbody tr')!
    expect([...row.children].map((c) => c.textContent)).toEqual(['NHS No', 'integer', '7 (11%)', '57', 'NHS number (93%)', '9434765919 × 2'])
    expect(view.textContent).toContain('64 rows, 1 columns')
  })

  it('says what went wrong and offers a retry', async () => {
    const t = fakeTransport({
      'profile.table': () => {
        throw new Error('That table is no longer in the workspace.')
      },
    })
    const view = await render(<ProfilePanel tableId={9} />, t)
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('That table is no longer in the workspace.')
    expect(view.textContent).toContain('Try again')
  })
})
