import { describe, expect, it } from 'vitest'
import { patternOf, profileTable, shapeOf, valueType } from '../../../src-main/core/profile'
import { tempWorkspaces } from '../../helpers/temp'
import { addSourceTable } from './fixtures'

const workspace = tempWorkspaces()

describe('value classification', () => {
  it('places values on the integer < decimal < date < text chain', () => {
    expect(['42', '-7', '3.5', '1,234.50', '03/11/2025', '3.3.41', '3 Mar 1941', '1941-03-03', '2025-11-03T09:00:00Z', 'Mary', '13/13/2025'].map(valueType)).toEqual([
      'integer', 'integer', 'decimal', 'decimal', 'date', 'date', 'date', 'date', 'date', 'text', 'text',
    ])
  })
  it('recognises NHS numbers (valid only), postcodes, e-mail addresses and UK phone numbers', () => {
    expect(patternOf('943 476 5919')).toBe('nhs-number')
    expect(patternOf('9434765918')).toBe(null)
    expect(patternOf('ls1 4ab')).toBe('postcode')
    expect(patternOf('HX28 0DT')).toBe('postcode')
    expect(patternOf('mary@example.com')).toBe('email')
    expect(patternOf('01632 960123')).toBe('phone')
    expect(patternOf('+44 7700 900123')).toBe('phone')
    expect(patternOf('Leeds')).toBe(null)
  })
  it('abstracts shapes and cuts long values', () => {
    expect(shapeOf('Ls12 3Ab')).toBe('Aa99 9Aa')
    expect(shapeOf('Zoë')).toBe('Aaa')
    expect(shapeOf('x'.repeat(30))).toBe('a'.repeat(24) + '…')
  })
})

describe('profileTable', () => {
  it('reports type, pattern, blanks, distinct values, top values, lengths and shapes per column', () => {
    const ws = workspace()
    const id = addSourceTable(ws, 'Residents', ['Resident ID', 'D.O.B', 'NHS No', 'Post Code', 'Notes', 'Weight'], [
      ['R1', '03/11/1941', '943 476 5919', 'LS1 4AB', null, '60'],
      ['R2', '1941-03-03', '9434765919', 'ls1 4ab', '  ', '61.5'],
      ['R3', '3 Mar 1941', null, 'HX28 0DT', 'likes tea', '70'],
      ['R4', '44', '', 'LS1 4AB', null, '70'],
    ])
    const profile = profileTable(ws.db, id)
    expect(profile.rows).toBe(4)
    const [rid, dob, nhs, postcode, notes, weight] = profile.columns
    expect(rid).toMatchObject({ type: 'text', blanks: 0, distinct: 4, minLength: 2, maxLength: 2, shapes: [{ shape: 'A9', count: 4 }] })
    expect(dob).toMatchObject({ type: 'date', typeCounts: { integer: 1, decimal: 0, date: 3, text: 0 } })
    expect(nhs).toMatchObject({ type: 'text', blanks: 2, distinct: 2, pattern: { kind: 'nhs-number', share: 1 } })
    expect(postcode).toMatchObject({ pattern: { kind: 'postcode', share: 1 }, distinct: 3 })
    expect(postcode!.topValues[0]).toEqual({ value: 'LS1 4AB', count: 2 })
    expect(notes).toMatchObject({ type: 'text', blanks: 3, distinct: 1, pattern: null })
    expect(weight).toMatchObject({ type: 'decimal', distinct: 3, topValues: [{ value: '70', count: 2 }, { value: '60', count: 1 }, { value: '61.5', count: 1 }] })
  })
  it('marks an all-blank column as empty and caps distinct tracking', () => {
    const ws = workspace()
    const rows = Array.from({ length: 50 }, (_, i) => [String(i), null])
    const id = addSourceTable(ws, 'Big', ['n', 'blank'], rows)
    const profile = profileTable(ws.db, id, { distinctCap: 10 })
    expect(profile.columns[0]).toMatchObject({ type: 'integer', distinct: 10, distinctCapped: true })
    expect(profile.columns[1]).toMatchObject({ type: 'empty', blanks: 50, minLength: null, maxLength: null, topValues: [] })
  })
  it('reports a missing table as NOT_FOUND', () => {
    const ws = workspace()
    expect(() => profileTable(ws.db, 99)).toThrow(/no imported table with id 99/)
  })
})
