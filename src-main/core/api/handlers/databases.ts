/**
 * Live database imports. `databases.connect` checks the settings and lists tables; the settings,
 * password included, are then held only in this module's memory, per session (a WeakMap: they go
 * when the session goes). Each import opens a fresh connection and closes it afterwards.
 */
import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../contract/errors'
import type { databasesMethods } from '../../../contract/methods/databases'
import { LiveDatabase, defaultPorts } from '../../sources/database'
import type { DatabaseSettings } from '../../sources/database'
import { commitSheets, defaultLimits, previewSheets } from '../../sources'
import type { Session } from '../session'
import type { AreaHandlers } from '../types'

const connections = new WeakMap<Session, Map<string, DatabaseSettings>>()

function remembered(session: Session): Map<string, DatabaseSettings> {
  let map = connections.get(session)
  if (!map) connections.set(session, (map = new Map()))
  return map
}

function connected(session: Session, connectionId: string): DatabaseSettings {
  const settings = remembered(session).get(connectionId)
  if (!settings) throw new ApiError('NOT_FOUND', 'That database connection is no longer open; please connect again.')
  return settings
}

export const databasesHandlers: AreaHandlers<typeof databasesMethods> = {
  'databases.connect': async (input, session) => {
    const settings: DatabaseSettings = { ...input, port: input.port ?? defaultPorts[input.kind] }
    const db = await LiveDatabase.connect(settings)
    try {
      const tables = await db.listTables()
      const connectionId = `db_${randomBytes(12).toString('hex')}`
      remembered(session).set(connectionId, settings)
      return { connectionId, label: db.label, tables }
    } finally {
      await db.close()
    }
  },
  'databases.preview': async ({ connectionId, tables, query }, session) => {
    const settings = connected(session, connectionId)
    const db = await LiveDatabase.connect(settings)
    try {
      const { sheets } = await previewSheets(db.sheets({ limits: defaultLimits, throwIfCancelled: () => {} }, { tables, query }))
      return { fileName: db.label, format: settings.kind, sizeBytes: 0, encoding: null, delimiter: null, sheets, warnings: [] }
    } finally {
      await db.close()
    }
  },
  'databases.import': async ({ connectionId, tables, query, jobId }, session) => {
    const ws = session.requireWorkspace()
    const settings = connected(session, connectionId)
    const job = session.startJob(jobId)
    const db = await LiveDatabase.connect(settings)
    try {
      const sheets = db.sheets({ limits: defaultLimits, throwIfCancelled: () => job.throwIfCancelled() }, { tables, query })
      const meta = { fileName: db.label, format: settings.kind, sha256: null, sizeBytes: 0, options: {}, settings: query ? { query } : {} }
      const result = await commitSheets(ws, meta, sheets, job, session.actor)
      if (result.status !== 'skipped') session.emit({ type: 'workspace.changed', area: 'sources' })
      return result
    } finally {
      await db.close()
      session.endJob(job)
    }
  },
}
