import fs from 'node:fs'
import path from 'node:path'
import type { workspaceMethods, WorkspaceInfo } from '../../../contract/methods/workspace'
import { ApiError } from '../../../contract/errors'
import { appVersions } from '../../versions'
import { fitUtf8 } from '../../workspace/file-name'
import { appendAudit, createWorkspace, listAudit, openWorkspace, peekWorkspace, workspaceExtension } from '../../workspace'
import type { Workspace } from '../../workspace'
import type { Session } from '../session'
import type { AreaHandlers } from '../types'

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  return { id: ws.id, name: ws.name, fileName: path.basename(ws.path), createdAt: ws.createdAt, schemaVersion: ws.schemaVersion }
}

function workspaceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((f) => f.endsWith(workspaceExtension)).map((f) => path.join(dir, f))
}

/** Room for " (999)" and the extension within the file system's 255 bytes per name. */
const maxStemBytes = 120
/** Names Windows reserves for devices, whatever the extension. */
const deviceName = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** The display name in any script, minus punctuation and symbols, which some file systems refuse. */
function fileStem(name: string): string {
  const readable = name.normalize('NFC').replace(/[^\p{L}\p{M}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-')
  const stem = fitUtf8(readable, maxStemBytes)
  return stem && !deviceName.test(stem) ? stem : 'workspace'
}

/** "Test.modsws", else "Test (2).modsws", …: different names may clean up to the same stem. */
function freeWorkspacePath(dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, (n === 1 ? stem : `${stem} (${n})`) + workspaceExtension)
    // Leftover SQLite side files would be read as part of a new workspace of the same name.
    if (!['', '-wal', '-shm', '-journal'].some((side) => fs.existsSync(file + side))) return file
  }
}

function findWorkspace(session: Session, id: string): string {
  const file = workspaceFiles(session.workspacesDir).find((f) => peekWorkspace(f)?.id === id)
  if (!file) throw new ApiError('NOT_FOUND', 'That workspace is no longer in the workspace folder.')
  return file
}

function audited(session: Session, ws: Workspace, action: string) {
  appendAudit(ws.db, session.actor, { action, object: ws.id })
}

export const workspaceHandlers: AreaHandlers<typeof workspaceMethods> = {
  'session.info': (_input, session) => ({
    ...appVersions(),
    actor: session.actor,
    workspace: session.workspace ? workspaceInfo(session.workspace) : null,
    front: session.front,
  }),
  'workspace.list': (_input, session) =>
    workspaceFiles(session.workspacesDir)
      .map((file) => ({ file, identity: peekWorkspace(file), modified: fs.statSync(file).mtime }))
      .filter((w) => w.identity !== null)
      .sort((a, b) => b.modified.getTime() - a.modified.getTime())
      .map((w) => ({
        id: w.identity!.id,
        name: w.identity!.name,
        fileName: path.basename(w.file),
        modifiedAt: w.modified.toISOString(),
      })),
  'workspace.create': ({ name }, session) => {
    const ws = createWorkspace(freeWorkspacePath(session.workspacesDir, fileStem(name)), name)
    audited(session, ws, 'workspace.created')
    session.useWorkspace(ws)
    return workspaceInfo(ws)
  },
  'workspace.open': ({ id }, session) => {
    const open = session.workspace
    if (open?.id === id) return workspaceInfo(open)
    const ws = openWorkspace(findWorkspace(session, id))
    audited(session, ws, 'workspace.opened')
    session.useWorkspace(ws)
    return workspaceInfo(ws)
  },
  'workspace.close': (_input, session) => {
    session.useWorkspace(null)
    return null
  },
  'job.cancel': ({ jobId }, session) => ({ cancelled: session.cancelJob(jobId) }),
  'audit.list': (input, session) => listAudit(session.requireWorkspace().db, input),
}
