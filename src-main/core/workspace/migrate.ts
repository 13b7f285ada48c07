/**
 * Applies numbered migrations, each in its own transaction together with its history row
 * (so a crash leaves either the whole migration or none of it). Refuses a workspace whose
 * history is not a prefix of the migrations this build knows (newer app, or tampered file).
 */
import type Database from 'better-sqlite3'
import { ApiError } from '../../contract/errors'
import { migrations as allMigrations } from './migrations'
import type { Migration } from './migrations'

interface AppliedRow {
  version: number
  name: string
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`)
  const applied = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all() as AppliedRow[]
  assertInSync(applied, migrations)
  const record = db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.version, m.name, new Date().toISOString())
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return migrations.at(-1)?.version ?? 0
}

function assertInSync(applied: AppliedRow[], known: readonly Migration[]): void {
  applied.forEach((row, i) => {
    const expected = known[i]
    if (!expected || expected.version !== row.version || expected.name !== row.name) {
      throw new ApiError(
        'WORKSPACE_INVALID',
        expected
          ? `This workspace's schema history does not match this version of MODS Migrate (migration ${row.version} "${row.name}" where ${expected.version} "${expected.name}" was expected).`
          : `This workspace was created by a newer version of MODS Migrate (schema ${row.version}); please update the app.`,
      )
    }
  })
}
