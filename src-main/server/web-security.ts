/**
 * The security headers shared by both fronts that serve the renderer: the browser-mode server and
 * Electron's app:// protocol (security.md §1). Scripts only from our own origin, never eval; styles
 * allow inline because Mantine injects <style> tags and style attributes.
 */
export function contentSecurityPolicy(extraConnect: readonly string[] = [], { forMetaTag = false } = {}): string {
  const connect = ["'self'", ...extraConnect].join(' ')
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]
  // Browsers ignore (and warn about) frame-ancestors in a <meta> policy; the headers carry it.
  return (forMetaTag ? directives.filter((d) => !d.startsWith('frame-ancestors')) : directives).join('; ')
}

/** Headers sent with every response: CSP plus the usual no-sniff, no-referrer, no-framing set. */
export function securityHeaders(extraConnect: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(extraConnect),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}
