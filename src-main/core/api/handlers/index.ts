/** Every area's handlers, merged; the type makes a contract method without a handler a compile error. */
import type { Handlers } from '../types'
import { workspaceHandlers } from './workspace'
import { databasesHandlers } from './databases'
import { sourcesHandlers } from './sources'
import { profileHandlers } from './profile'
import { modsHandlers } from './mods'
import { mappingHandlers } from './mapping'
import { qualityHandlers } from './quality'
import { exportHandlers } from './export'

export const handlers: Handlers = {
  ...workspaceHandlers,
  ...databasesHandlers,
  ...sourcesHandlers,
  ...profileHandlers,
  ...modsHandlers,
  ...mappingHandlers,
  ...qualityHandlers,
  ...exportHandlers,
}
