/**
 * Connection settings for the live-database tests: MODS_TEST_PG_URL / MODS_TEST_MYSQL_URL, or the
 * file .ci/services.sh writes. Without them the suites skip loudly, except under CI=true, where a
 * missing database is a failure (CI must start the services).
 */
import fs from 'node:fs'
import type { DatabaseSettings } from '../../../src-main/core/sources/database'

const envFile = process.env.MODS_SERVICES_ENV ?? '/tmp/mods-migrate-services.env'

function fromFile(name: string): string | undefined {
  if (!fs.existsSync(envFile)) return undefined
  const line = fs.readFileSync(envFile, 'utf8').split('\n').find((l) => l.startsWith(`export ${name}=`))
  return line?.slice(`export ${name}=`.length).trim()
}

export function testDatabase(kind: DatabaseSettings['kind']): DatabaseSettings | null {
  const name = kind === 'postgresql' ? 'MODS_TEST_PG_URL' : 'MODS_TEST_MYSQL_URL'
  const url = process.env[name] ?? fromFile(name)
  if (!url) {
    const message = `${name} is not set: run \`bash .ci/services.sh\` to start the test databases.`
    if (process.env.CI === 'true') throw new Error(message)
    console.warn(`SKIPPING ${kind} tests: ${message}`)
    return null
  }
  const u = new URL(url)
  return {
    kind,
    host: u.hostname,
    port: Number(u.port),
    database: u.pathname.slice(1),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  }
}
