/**
 * The app:// protocol that serves the built renderer. A custom scheme (not file://) lets us send a
 * CSP header; GET only, our host only, and the shared traversal guard keeps requests inside the build.
 */
import fs from 'node:fs'
import { mimeType, resolveStaticPath } from '../server/static-files'
import { securityHeaders } from '../server/web-security'

export const appScheme = 'app'
export const appHost = 'mods-migrate'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

export function appResponse(request: { url: string; method: string }, rendererDir: string): Response {
  const headers = securityHeaders()
  const refuse = (status: number) => new Response(null, { status, headers })
  if (request.method !== 'GET') return refuse(405)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400)
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password) return refuse(403)
  // Use the raw path so encoded dot-segments reach the guard instead of being normalised away.
  const rawPath = request.url.slice(appOrigin.length).split(/[?#]/, 1)[0] || '/'
  const file = resolveStaticPath(rendererDir, rawPath)
  if (!file) return refuse(403)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return refuse(404)
  return new Response(fs.readFileSync(file), { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } })
}
