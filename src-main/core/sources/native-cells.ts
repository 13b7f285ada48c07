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

/** The layout this engine writes (LAYOUT_VERSION in mods_cells.c); a library built from older source is not used. */
const layoutVersion = 1
const fileName = `mods_cells.${process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so'}`
const loaded = new WeakSet<Database.Database>()
/** Why a library would not load, by path, so a broken one is tried once, not on every import. */
const failures = new Map<string, string>()

function locate(): string | null {
  const dirs = [process.env.MODS_MIGRATE_NATIVE_DIR, path.join(path.dirname(resourcesDir()), 'native', 'build')]
  return dirs.map((d) => (d ? path.join(d, fileName) : '')).find((f) => f && fs.existsSync(f)) ?? null
}

/** Why imports take the slower path, or null when the extension is available. */
export function nativeCellsUnavailable(): string | null {
  if (process.env.MODS_MIGRATE_NATIVE === 'off') return 'turned off by MODS_MIGRATE_NATIVE=off'
  const file = locate()
  if (!file) return `${fileName} was not built (run: node scripts/build-native.mjs)`
  return failures.get(file) ?? null
}

/** Loads the extension into `db` if available; the writer then takes the packed path on it. */
export function loadNativeCells(db: Database.Database): boolean {
  if (nativeCellsUnavailable()) return false
  const file = locate()!
  try {
    db.loadExtension(file) // entry point from the file name: sqlite3_modscells_init
    const version = db.prepare('SELECT mods_cells_version()').pluck().get()
    if (version !== layoutVersion) {
      failures.set(file, `${fileName} was built from another version (layout ${String(version)}, expected ${layoutVersion}); rebuild it: node scripts/build-native.mjs`)
      return false
    }
  } catch (err) {
    // Built for another platform or SQLite: remember why, and store the same rows the slower way.
    failures.set(file, `${fileName} would not load: ${err instanceof Error ? err.message : String(err)}`)
    return false
  }
  loaded.add(db)
  return true
}

export function hasNativeCells(db: Database.Database): boolean {
  return loaded.has(db)
}
