/**
 * The one IPC entry point: `api:invoke`. Checks, in order: the sender is our app:// top frame, the
 * method is a contract (or front) method, then the engine's dispatcher validates input and role.
 * Refusals are logged as security events and answered with an error envelope, never a throw.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { BrowserWindow, dialog, ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { isMethodName } from '../contract'
import type { ApiErrorData, Envelope } from '../contract'
import { dispatch } from '../core/api/dispatcher'
import type { Session } from '../core/api/session'
import { safeFileName } from '../server/uploads'
import { invokeChannel } from './bridge'
import { isFrontMethod } from './front-methods'
import type { GrantedFileInfo } from './front-methods'
import { isTrustedSender } from './sender'

export const maxDroppedFileBytes = 512 * 1024 * 1024

const importFilters = [
  { name: 'Spreadsheets and databases', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls', 'mdb', 'accdb', 'sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
]

function refusal(code: ApiErrorData['code'], message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } }
}

function grantInfo(session: Session, file: string, name = path.basename(file)): GrantedFileInfo {
  const granted = session.files.grant(file, name)
  return { handle: granted.handle, name: granted.displayName, size: fs.statSync(file).size }
}

async function pickFiles(session: Session, event: IpcMainInvokeEvent): Promise<GrantedFileInfo[]> {
  const win = BrowserWindow.fromWebContents(event.sender)
  const options = { properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>, filters: importFilters }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths.map((file) => grantInfo(session, file))
}

/** A dropped file's bytes, kept in a private folder (deleted on quit) so the engine can read it by handle. */
function receiveDropped(session: Session, uploadsDir: string, input: unknown): Envelope<unknown> {
  const { name, data } = (input ?? {}) as { name?: unknown; data?: unknown }
  if (typeof name !== 'string' || !(data instanceof Uint8Array)) return refusal('VALIDATION', 'files.upload needs a name and the file bytes.')
  if (data.byteLength > maxDroppedFileBytes) return refusal('VALIDATION', 'That file is too large to drop; use "Choose files" instead.')
  const dir = path.join(uploadsDir, randomBytes(8).toString('hex'))
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = path.join(dir, safeFileName(name))
  fs.writeFileSync(file, data, { mode: 0o600 })
  return { ok: true, value: grantInfo(session, file, safeFileName(name)) }
}

export function registerApiIpc(session: Session, uploadsDir: string, log: (message: string) => void): void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      log(`refused IPC from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`)
      return refusal('FORBIDDEN', 'This window may not use the engine.')
    }
    if (typeof method !== 'string') return refusal('VALIDATION', 'No API method named.')
    if (method === 'files.pick') return { ok: true, value: await pickFiles(session, event) }
    if (method === 'files.upload') return receiveDropped(session, uploadsDir, input)
    if (!isMethodName(method) && !isFrontMethod(method)) {
      log(`refused unknown IPC method ${method.slice(0, 80)}`)
      return refusal('NOT_FOUND', `Unknown API method "${method.slice(0, 80)}".`)
    }
    return dispatch(session, method, input)
  })
}
