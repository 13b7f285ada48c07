/**
 * The desktop front: one hardened window showing the renderer from app://, the engine running in
 * this process behind one IPC channel. Kept thin on purpose; the logic lives in core.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { app, BrowserWindow, protocol, session as electronSession } from 'electron'
import { Session } from '../core/api/session'
import { defaultWorkspacesDir } from '../server/defaults'
import { appEntryUrl, appResponse, appScheme } from './app-protocol'
import { eventChannel } from './bridge'
import { registerApiIpc } from './ipc-adapter'
import { denyAllPermissions, lockDownContents } from './security'
import { secureWebPreferences } from './web-preferences'

const log = (message: string) => console.warn(`[mods-migrate security] ${message}`)

if (app.isPackaged && !process.env.MODS_MIGRATE_RESOURCES) {
  process.env.MODS_MIGRATE_RESOURCES = path.join(process.resourcesPath, 'resources')
}

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const rendererDir = path.join(__dirname, '../renderer')
const uploadsDir = path.join(app.getPath('userData'), 'dropped-files')
const engine = new Session({
  actor: { user: os.userInfo().username || 'local user', role: 'administrator' },
  workspacesDir: defaultWorkspacesDir(),
  front: 'electron',
})

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'MODS Migrate',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs')),
  })
  const unsubscribe = engine.onEvent((event) => win.webContents.send(eventChannel, event))
  win.on('closed', unsubscribe)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(appEntryUrl)
}

// One instance owns the dropped-files folder (and, later, the workspaces it has open): a second
// launch focuses the first window instead of starting another engine.
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (win?.isMinimized()) win.restore()
  win?.focus()
})

app.on('web-contents-created', (_event, contents) => lockDownContents(contents, log))

void app.whenReady().then(() => {
  fs.mkdirSync(engine.workspacesDir, { recursive: true })
  // Copies of dropped files (personal data) left by a run that crashed before it could delete them.
  fs.rmSync(uploadsDir, { recursive: true, force: true })
  denyAllPermissions(electronSession.defaultSession)
  protocol.handle(appScheme, (request) => appResponse(request, rendererDir))
  registerApiIpc(engine, uploadsDir, log)
  createWindow()
})

app.on('window-all-closed', () => {
  engine.close()
  fs.rmSync(uploadsDir, { recursive: true, force: true })
  app.quit()
})
