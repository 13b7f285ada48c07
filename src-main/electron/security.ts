/**
 * Window and session hardening (security.md §1): no navigation, no new windows, no webviews,
 * every permission denied. The app is a single page served from app://, so nothing else is needed.
 */
import type { Session as ElectronSession, WebContents } from 'electron'

export function denyAllPermissions(ses: ElectronSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

export function lockDownContents(contents: WebContents, log: (message: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    log(`blocked navigation to ${url}`)
  })
  contents.on('will-redirect', (event, url) => {
    event.preventDefault()
    log(`blocked redirect to ${url}`)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked new window for ${url}`)
    return { action: 'deny' }
  })
}
