import { describe, expect, it } from 'vitest'
import { headerKey, headerTokens } from '../../../src-main/core/mapping/header'
import { tokenSimilarity } from '../../../src-main/core/mapping/header'

describe('header normalisation', () => {
  it.each([
    ['D.O.B', 'date birth'],
    ['DOB', 'date birth'],
    ['DateOfBirth', 'date birth'],
    ['Service User No', 'service user number'],
    ['SU_No', 'service user number'],
    ['NOK Tel', 'next kin telephone'],
    ['Allergies (free text)', 'allergy free text'],
    ['LPA (Y/N)', 'lpa yes no'],
    ['NHSNumber', 'nhs number'],
    ['Post Code', 'postcode'],
    ['Addr1', 'address 1'],
    ['GP Surgery', 'gp practice code'],
    ['Résident ID', 'resident identifier'],
  ])('%s → %s', (header, expected) => {
    expect(headerTokens(header).join(' ')).toBe(expected)
  })

  it('gives one memory key to spellings of the same header', () => {
    expect(headerKey('NOK Tel')).toBe(headerKey('nok_tel'))
    expect(headerKey('Date of Birth')).toBe(headerKey('D.O.B.'))
  })

  it('scores word order, typos and extra words below an exact match', () => {
    const t = (h: string, p: string) => tokenSimilarity(headerTokens(h), headerTokens(p))
    expect(t('Date of birth', 'DOB')).toBe(1)
    expect(t('Birth date', 'date of birth')).toBeGreaterThanOrEqual(0.97)
    expect(t('Adress line 1', 'address line 1')).toBeGreaterThan(0.8)
    expect(t('Resident date of birth', 'date of birth')).toBeLessThan(0.8)
    expect(t('Room', 'date of birth')).toBe(0)
  })
})
