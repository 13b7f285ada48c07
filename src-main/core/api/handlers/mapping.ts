import type { mappingMethods } from '../../../contract/methods/mapping'
import { ApiError } from '../../../contract/errors'
import {
  applyMapping,
  autoMapping,
  exportTemplate,
  getMapping,
  getTableMapping,
  importTemplate,
  previewField,
  previewTable,
  problemPage,
  saveMapping,
  suggestTable,
  tableMappingFromSuggestions,
  valueMapView,
} from '../../mapping'
import type { Session } from '../session'
import type { AreaHandlers } from '../types'

const db = (session: Session) => session.requireWorkspace().db

/** The saved mapping of a table, or the automatic draft when none is saved yet. */
function tableMapping(session: Session, tableId: number) {
  return getTableMapping(db(session), tableId) ?? tableMappingFromSuggestions(suggestTable(db(session), tableId))
}

export const mappingHandlers: AreaHandlers<typeof mappingMethods> = {
  'mapping.suggest': ({ tableId }, session) => suggestTable(db(session), tableId),
  'mapping.auto': ({ tableIds, threshold }, session) => autoMapping(db(session), tableIds, threshold),
  'mapping.get': (_input, session) => getMapping(db(session)),
  'mapping.save': ({ mapping }, session) => saveMapping(db(session), session.actor, mapping),
  'mapping.preview': ({ tableId, limit }, session) => previewTable(db(session), tableMapping(session, tableId), limit),
  'mapping.previewField': ({ tableId, field, limit }, session) => previewField(db(session), tableId, field, limit),
  'mapping.problems': (query, session) => problemPage(db(session), query),
  'mapping.valueMap': ({ tableId, element, mapping }, session) =>
    valueMapView(db(session), mapping?.tableId === tableId ? mapping : tableMapping(session, tableId), element),
  'mapping.apply': ({ jobId }, session) => {
    const job = session.startJob(jobId)
    try {
      return applyMapping(db(session), session.actor, job)
    } finally {
      session.endJob(job)
    }
  },
  'mapping.templateExport': ({ name, description }, session) => {
    if (getMapping(db(session)).tables.length === 0) throw new ApiError('VALIDATION', 'Save a mapping before exporting it as a template.')
    return exportTemplate(db(session), name, description)
  },
  'mapping.templateImport': ({ template, save }, session) => importTemplate(db(session), session.actor, template, save),
}
