import { describe, expect, it } from 'vitest'
import { call, dispatch } from '../../../src-main/core/api/dispatcher'
import { tempSessions } from '../../helpers/temp'

const session = tempSessions()
const auditorSession = () => session('auditor')

describe('mods API methods', () => {
  it('mods.catalogue returns the versions and every element, for any role and without a workspace', async () => {
    const catalogue = await call(auditorSession(), 'mods.catalogue', {})
    expect(catalogue.modsVersion).toBe('1.0.0')
    expect(catalogue.elements).toHaveLength(259)
    expect(catalogue.datasets.map((d) => d.id)).toContain('person')
  })

  it('mods.codeList returns one list, and NOT_FOUND for an unknown id', async () => {
    const s = auditorSession()
    const list = await call(s, 'mods.codeList', { id: 'ethnic-category' })
    expect(list.codes.find((c) => c.code === 'Z')?.display).toBe('Not stated')
    const missing = await dispatch(s, 'mods.codeList', { id: 'shoe-size' })
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no MODS code list "shoe-size".' } })
  })
})
