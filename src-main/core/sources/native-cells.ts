/**
 * Finds and loads the `mods_cells` SQLite extension (native/mods_cells.c), which lets the row
 * writer hand SQLite a batch of cells as one text value instead of binding each cell (see
 * docs/performance.md). It is optional: without it imports take the slower, bound-values path
 * and store exactly the same rows.
 *
 * The library is only ever loaded from the app's own install (native/build next to `resources/`,
 * or the folder named by MODS_MIGRATE_NATIVE_DIR, which a packaged app sets), never from a path a
 * user or a file supplies. Loading it enables only the C interface for that one call; SQL's
 * load_extension() stays refused. MODS_MIGRATE_NATIVE=off turns it off (tests compare both paths,
 * benchmarks measure both).
 */
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { resourcesDir } from '../resources'

const fileName = `mods_cells.${process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'}`
const loaded = new WeakSet<Database.Database>()
let located: string | null | undefined
let loadFailure: string | null = null

function locate(): string | null {
  if (located === undefined) {
    const dirs = [process.env.MODS_MIGRATE_NATIVE_DIR, path.join(path.dirname(resourcesDir()), 'native', 'build')]
    located = dirs.map((d) => (d ? path.join(d, fileName) : '')).find((f) => f && fs.existsSync(f)) ?? null
  }
  return located
}

/** Why imports take the slower path, or null when the extension is available. */
export function nativeCellsUnavailable(): string | null {
  if (process.env.MODS_MIGRATE_NATIVE === 'off') return 'turned off by MODS_MIGRATE_NATIVE=off'
  if (!locate()) return `${fileName} was not built (run: node scripts/build-native.mjs)`
  return loadFailure
}

/** Loads the extension into `db` if available; the writer then takes the packed path on it. */
export function loadNativeCells(db: Database.Database): boolean {
  if (nativeCellsUnavailable()) return false
  try {
    db.loadExtension(locate()!) // entry point from the file name: sqlite3_modscells_init
    loaded.add(db)
    return true
  } catch (err) {
    // Built for another platform or SQLite: remember why, and store the same rows the slower way.
    loadFailure = `${fileName} would not load: ${err instanceof Error ? err.message : String(err)}`
    return false
  }
}

export function hasNativeCells(db: Database.Database): boolean {
  return loaded.has(db)
}
