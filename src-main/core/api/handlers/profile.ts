import type { profileMethods } from '../../../contract/methods/profile'
import { profileTable } from '../../profile'
import type { AreaHandlers } from '../types'

export const profileHandlers: AreaHandlers<typeof profileMethods> = {
  'profile.table': ({ tableId }, session) => profileTable(session.requireWorkspace().db, tableId),
}
