/**
 * The ordered list of schema migrations. Each stage owns the SQL for its tables in its own folder;
 * this list only fixes the order. Numbers only ever grow; a released migration is never edited.
 */
import { sql as init } from './migrations/0001-init'
import { sql as sources } from '../sources/migrations/0002-sources'
import { sql as mapping } from '../mapping/migrations/0003-mapping'
import { sql as quality } from '../quality/migrations/0004-quality'
import { sql as repeatedKey } from '../mapping/migrations/0005-repeated-key'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'sources', sql: sources },
  { version: 3, name: 'mapping', sql: mapping },
  { version: 4, name: 'quality', sql: quality },
  { version: 5, name: 'repeated-key', sql: repeatedKey },
]
