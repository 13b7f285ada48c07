import type { sourcesMethods, SourceEntry } from '../../../contract/methods/sources'
import { applyMapping } from '../../mapping'
import { appendAudit } from '../../workspace'
import { dropSource, getSource, importSource, listSources, listSourceTables, previewSource, queryRows, tableExtras } from '../../sources'
import type { Session } from '../session'
import type { AreaHandlers } from '../types'

function granted(session: Session, handle: string) {
  const file = session.files.resolve(handle)
  return { filePath: file.path, displayName: file.displayName }
}

function sourceEntries(session: Session): SourceEntry[] {
  const db = session.requireWorkspace().db
  const tables = listSourceTables(db)
  return listSources(db).map((s) => ({
    ...s,
    tables: tables
      .filter((t) => t.sourceId === s.id)
      .map((t) => ({ id: t.id, name: t.name, sheet: t.sheet, hidden: t.hidden, headerRow: t.headerRow, rowCount: t.rowCount, columns: t.columns, ...tableExtras(db, t.id) })),
  }))
}

export const sourcesHandlers: AreaHandlers<typeof sourcesMethods> = {
  'sources.preview': ({ file, options }, session) => previewSource({ ...granted(session, file), options }),
  'sources.import': async ({ file, options, jobId }, session) => {
    const ws = session.requireWorkspace()
    const job = session.startJob(jobId)
    try {
      const result = await importSource(ws, { ...granted(session, file), options }, job, session.actor)
      if (result.status !== 'skipped') session.emit({ type: 'workspace.changed', area: 'sources' })
      return result
    } finally {
      session.endJob(job)
    }
  },
  'sources.list': (_input, session) => sourceEntries(session),
  'sources.rows': ({ tableId, offset, limit, sort, search }, session) => ({ tableId, ...queryRows(session.requireWorkspace().db, tableId, { offset, limit, sort, search }) }),
  'sources.remove': ({ sourceId }, session) => {
    const db = session.requireWorkspace().db
    const removed = db.transaction(() => {
      const source = getSource(db, sourceId)
      const counts = dropSource(db, sourceId)
      appendAudit(db, session.actor, { action: 'source.removed', object: `source:${sourceId}`, details: { sourceId, sha256: source.sha256, ...counts } })
      // MODS records built from the file must go with it: rebuild them from the sources that remain.
      if (db.prepare('SELECT 1 FROM mods_record LIMIT 1').get()) applyMapping(db, session.actor, undefined, true)
      return counts
    })()
    session.emit({ type: 'workspace.changed', area: 'sources' })
    return { removedTables: removed.tables, removedRows: removed.rows }
  },
}
