/**
 * Test-only crash points for test/fault (security.md §2): with MODS_MIGRATE_FAULT=<point> the
 * process announces the point on stderr and waits there to be killed. No effect otherwise.
 */
import fs from 'node:fs'

export function faultPoint(point: string): void {
  if (process.env.MODS_MIGRATE_FAULT !== point) return
  fs.writeSync(2, `fault:${point}\n`)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
}
