/**
 * Maps a request path to a file inside the renderer build, refusing anything that could escape it
 * (`..`, encoded `%2e%2e`, backslashes, NUL, absolute paths). Used by the browser-mode server and by
 * Electron's app:// protocol handler, so both have the same traversal guard.
 */
import path from 'node:path'

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

export function mimeType(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The absolute file for `urlPath` inside `root`, or null when the path is unsafe or malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/, 1)[0] ?? '')
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (!decoded.startsWith('/')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1)
  if (relative.split('/').some((part) => part === '..')) return null
  const base = path.resolve(root)
  const resolved = path.resolve(base, relative)
  if (resolved !== base && !resolved.startsWith(base + path.sep)) return null
  return resolved
}
