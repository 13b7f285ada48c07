import { z } from 'zod'
import { method } from '../define'
import { jobIdSchema } from '../events'
import { editors } from '../roles'
import type { ImportResult, SourcePreview } from './sources'

export interface DatabaseConnection {
  /** Opaque id for `databases.import`; the settings (and password) stay in the engine's memory. */
  connectionId: string
  /** "postgresql://user@host:port/database": shown to the user and used as the source's name. */
  label: string
  tables: { name: string; type: 'table' | 'view' }[]
}

export const databaseKinds = ['postgresql', 'mysql'] as const

const connectionId = z.string().min(1).max(100)
const choice = {
  tables: z.array(z.string().min(1).max(300)).min(1).max(1000).optional(),
  query: z.string().trim().min(1).max(100_000).optional(),
}
const oneChoice = (i: { tables?: string[] | undefined; query?: string | undefined }) => !(i.tables && i.query)

export const databasesMethods = {
  'databases.connect': method<DatabaseConnection>()({
    input: z.object({
      kind: z.enum(databaseKinds),
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535).optional(),
      database: z.string().trim().min(1).max(128),
      user: z.string().trim().min(1).max(128),
      password: z.string().max(1024),
    }),
    roles: editors,
    mutates: false,
    doc: 'Connects to a PostgreSQL or MySQL/MariaDB database and lists its tables and views. The password is kept in memory for this session only: never stored, logged or audited.',
  }),
  'databases.preview': method<SourcePreview>()({
    input: z.object({ connectionId, ...choice }).refine(oneChoice, { message: 'Choose tables or a query, not both.' }),
    roles: editors,
    mutates: false,
    doc: 'The columns and first 20 rows of chosen tables (all when none are chosen) or of one SELECT query, read in READ ONLY transactions, without importing anything.',
  }),
  'databases.import': method<ImportResult>()({
    input: z.object({ connectionId, ...choice, jobId: jobIdSchema }).refine(oneChoice, { message: 'Choose tables or a query, not both.' }),
    roles: editors,
    mutates: true,
    doc: 'Imports chosen tables (all when none are chosen) or one SELECT query from a connected database, read in READ ONLY transactions, in one workspace transaction (all or nothing).',
  }),
} as const
