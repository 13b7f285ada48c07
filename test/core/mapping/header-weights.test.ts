import { describe, expect, it } from 'vitest'
import { headerTokens, tokenSimilarity } from '../../../src-main/core/mapping/header'
import { datasetOfSheetName } from '../../../src-main/core/mapping/lexicon'

const t = (h: string, p: string) => tokenSimilarity(headerTokens(h), headerTokens(p))

describe('weighted header similarity', () => {
  it('ignores format hints and reads swapped letters as a typo', () => {
    expect(t('Interpreter (Y/N)', 'interpreter')).toBe(0.99)
    expect(t('Date of brith', 'date of birth')).toBeGreaterThan(0.8)
  })

  it('matches word forms through a crude stem', () => {
    expect(t('Funder', 'funded by')).toBeGreaterThan(0)
    expect(t('Funder', 'funding')).toBeGreaterThan(0.7)
  })

  it('needs more than shared generic words', () => {
    expect(t('Column1', 'address line 1')).toBe(0)
    expect(t('Discharge date', 'date')).toBeLessThan(0.5)
  })

  it('marks down record-keeping columns', () => {
    expect(t('Recorded by', 'recorded date')).toBeLessThan(0.5)
  })
})

describe('dataset of a sheet name', () => {
  it.each([
    ['tbl_ClientContact', 'contact'],
    ['client_meds', 'medication'],
    ['Residents 2023', 'person'],
    ['tblAllergies', 'allergy'],
    ['Sheet1', null],
  ])('%s → %s', (name, dataset) => {
    expect(datasetOfSheetName(name)).toBe(dataset)
  })
})
