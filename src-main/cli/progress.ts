/** A one-line progress bar on stderr for long jobs (only when stderr is a terminal). */
import type { Session } from '../core/api/session'

export function attachProgress(session: Session, err: (s: string) => void): void {
  const tty = process.stderr.isTTY
  session.onEvent((event) => {
    if (event.type !== 'job.progress') return
    const pct = event.fraction === null ? '' : `${Math.round(event.fraction * 100)}% `
    const rows = event.rows !== undefined ? `${event.rows.toLocaleString('en-GB')} rows ` : ''
    const line = `${event.phase}: ${pct}${rows}${event.message ?? ''}`.trim()
    if (tty) process.stderr.write(`\r\x1b[K${line}`)
    else if (event.fraction === 1) err(line)
  })
}
