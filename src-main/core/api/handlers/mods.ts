import type { modsMethods } from '../../../contract/methods/mods'
import { getCodeList, loadCatalogue } from '../../mods'
import type { AreaHandlers } from '../types'

export const modsHandlers: AreaHandlers<typeof modsMethods> = {
  'mods.catalogue': () => loadCatalogue(),
  'mods.codeList': ({ id }) => getCodeList(id),
}
