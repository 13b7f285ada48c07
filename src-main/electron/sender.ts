/**
 * IPC sender validation (security.md §1 item 17): only the top frame of our own app:// page may
 * call the engine. Parsed with the URL parser, never string prefixes.
 */
import { appHost, appScheme } from './app-protocol'

export interface SenderFrame {
  url: string
  parent: unknown
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  try {
    const url = new URL(frame.url)
    return url.protocol === `${appScheme}:` && url.host === appHost && !url.username && !url.password
  } catch {
    return false
  }
}
