import { describe, expect, it } from 'vitest'
import { fitFileName, fitUtf8 } from '../../../src-main/core/workspace/file-name'

describe('file names within a byte budget', () => {
  it('never splits a character, including combined and multi-unit ones', () => {
    expect(fitUtf8('护理记录', 7)).toBe('护理')
    expect(fitUtf8('e\u0301e\u0301', 4)).toBe('e\u0301')
    expect(fitUtf8('a👩‍⚕️b', 5)).toBe('a')
    expect(fitUtf8('short', 200)).toBe('short')
  })

  it('keeps a short extension and falls back when nothing of the stem fits', () => {
    expect(fitFileName('x'.repeat(50) + '.xlsx', 20, 'upload')).toBe('x'.repeat(15) + '.xlsx')
    expect(fitFileName('护理记录.csv', 6, 'upload')).toBe('upload.csv')
    expect(fitFileName('notes.' + 'y'.repeat(30), 10, 'upload')).toBe('notes.yyyy')
  })
})
