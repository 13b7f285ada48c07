import fs from 'node:fs'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { codeListIds, getCodeList, matchCode } from '../../../src-main/core/mods'

// The UK Core package ships beside the repository in ../shared (as in CI).
const ukCoreDir = path.resolve(__dirname, '../../../../shared/reference/ukcore-stu2-2.0.2')

describe('matchCode', () => {
  it('reads legacy spellings of gender identity', () => {
    for (const raw of ['M', 'male ', 'MALE', '1', 'Male.']) expect(matchCode('gender-identity', raw)?.code, raw).toBe('1')
    expect(matchCode('gender-identity', 'f')?.code).toBe('2')
    expect(matchCode('administrative-gender', 'M')?.code).toBe('male')
    expect(getCodeList('gender-identity').codes.find((c) => c.code === '1')?.maps).toEqual({ 'administrative-gender': 'male' })
  })

  it('tells "Not stated" (Z) from "Not known" (99) for ethnic category', () => {
    expect(matchCode('ethnic-category', 'Not stated')?.code).toBe('Z')
    expect(matchCode('ethnic-category', 'not known')?.code).toBe('99')
    expect(matchCode('ethnic-category', 'White - British')?.code).toBe('A')
    expect(matchCode('ethnic-category', 'white british')?.code).toBe('A')
  })

  it('matches codes before synonyms, and returns null for nonsense, blanks and unknown lists', () => {
    expect(matchCode('nhs-number-verification-status', '1')?.code).toBe('01')
    expect(matchCode('yes-no', 'y')?.code).toBe('Y')
    expect(matchCode('yes-no', 'maybe')).toBeNull()
    expect(matchCode('yes-no', '  ')).toBeNull()
    expect(matchCode('no-such-list', 'Y')).toBeNull()
  })
})

describe('code lists', () => {
  it('every list has a version, a source and unique codes', () => {
    expect(codeListIds()).toHaveLength(24)
    for (const id of codeListIds()) {
      const list = getCodeList(id)
      expect(list.version, id).not.toBe('')
      expect(list.source, id).not.toBe('')
      expect(new Set(list.codes.map((c) => c.code)).size, id).toBe(list.codes.length)
    }
  })

  it('says where a list came from when UK Core does not publish it', () => {
    expect(getCodeList('religion').source).toContain('uk-codes.md')
    expect(getCodeList('ethnic-category').source).toBe('ukcore-stu2-2.0.2/codesystems/CodeSystem-UKCore-EthnicCategoryEngland.xml')
  })

  it.skipIf(!fs.existsSync(ukCoreDir) && !process.env.CI)('UK Core lists hold exactly the codes of their CodeSystem file (never retyped)', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'concept' })
    for (const id of codeListIds()) {
      const list = getCodeList(id)
      const file = list.source.split('; ')[0] ?? ''
      if (!file.startsWith('ukcore-stu2-2.0.2/')) continue
      const doc = xml.parse(fs.readFileSync(path.join(ukCoreDir, file.slice('ukcore-stu2-2.0.2/'.length)), 'utf8')) as {
        CodeSystem: { concept: { code: { value: string }; display: { value: string } }[] }
      }
      const published = doc.CodeSystem.concept.map((c) => `${c.code.value}|${c.display.value}`)
      const ours = list.codes.filter((c) => c.system === undefined).map((c) => `${c.code}|${c.display}`)
      expect(ours, id).toEqual(published)
    }
  })
})
