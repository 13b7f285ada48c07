/**
 * Live PostgreSQL and MySQL/MariaDB databases as import sources: list tables, then read chosen
 * tables or one read-only query as sheets for the import engine. Each sheet is read in its own
 * READ ONLY transaction with a streaming cursor, so memory stays flat however big the table.
 */
import { ApiError } from '../../../contract/errors'
import type { SourceCells, SourceSheet } from '../reader'
import type { Driver, ListedTable } from './driver'
import { connectMysql } from './mysql'
import { connectPostgres } from './postgres'
import { cleanQuery, databaseError, databaseLabel } from './settings'
import type { DatabaseSettings, DatabaseTable, LiveReadContext } from './settings'
import { BinaryTally } from './values'

export type { DatabaseKind, DatabaseSettings, DatabaseTable, LiveReadContext } from './settings'
export { databaseLabel, defaultPorts } from './settings'

export interface SheetChoice {
  tables?: string[] | undefined
  query?: string | undefined
}

export class LiveDatabase {
  private constructor(
    readonly settings: DatabaseSettings,
    private readonly driver: Driver,
  ) {}

  static async connect(settings: DatabaseSettings): Promise<LiveDatabase> {
    try {
      const driver = settings.kind === 'postgresql' ? await connectPostgres(settings) : await connectMysql(settings)
      return new LiveDatabase(settings, driver)
    } catch (e) {
      throw databaseError(settings, e)
    }
  }

  get label(): string {
    return databaseLabel(this.settings)
  }

  async listTables(): Promise<DatabaseTable[]> {
    return (await this.listed()).map(({ name, type }) => ({ name, type }))
  }

  private async listed(): Promise<ListedTable[]> {
    try {
      return await this.driver.listTables()
    } catch (e) {
      throw databaseError(this.settings, e)
    }
  }

  private async targets(choice: SheetChoice): Promise<{ name: string; sql: string; view: boolean }[]> {
    if (choice.query !== undefined) return [{ name: 'query', sql: cleanQuery(this.settings, choice.query), view: false }]
    const all = await this.listed()
    const wanted = choice.tables ?? all.map((t) => t.name)
    return wanted.map((name) => {
      const table = all.find((t) => t.name === name)
      if (!table) throw new ApiError('NOT_FOUND', `${this.label} has no table or view called "${name}".`, { file: this.label, sheet: name })
      return { name, sql: `SELECT * FROM ${table.from}`, view: table.type === 'view' }
    })
  }

  /** The chosen tables (all when none are chosen), or the one query, as sheets. */
  async *sheets(ctx: LiveReadContext, choice: SheetChoice): AsyncGenerator<SourceSheet> {
    let previous: AsyncGenerator<SourceCells> | null = null
    try {
      for (const target of await this.targets(choice)) {
        // The connection reads one cursor at a time: finish the last sheet before the next.
        await previous?.return(undefined)
        const binaries = new BinaryTally()
        const cursor = await this.driver.openCursor(target.sql, binaries).catch((e: unknown) => {
          throw databaseError(this.settings, e, target.name)
        })
        if (cursor.columns.length === 0) throw databaseError(this.settings, { message: 'it returned no columns (only SELECT queries can be imported)' }, target.name)
        if (cursor.columns.length > ctx.limits.maxColumns) {
          throw databaseError(this.settings, { message: `it has ${cursor.columns.length} columns (limit ${ctx.limits.maxColumns})` }, target.name)
        }
        const warnings = target.view ? [`"${target.name}" is a view (a saved query), read as it is now.`] : []
        previous = this.rows(ctx, target.name, cursor.batches, binaries, warnings)
        yield { name: target.name, sheet: target.name, hidden: false, columns: cursor.columns, warnings, rows: previous }
      }
    } finally {
      await previous?.return(undefined)
    }
  }

  private async *rows(
    ctx: LiveReadContext,
    name: string,
    batches: AsyncGenerator<(string | null)[][]>,
    binaries: BinaryTally,
    warnings: string[],
  ): AsyncGenerator<SourceCells> {
    let rowNumber = 0
    try {
      for await (const batch of batches) {
        ctx.throwIfCancelled()
        for (const cells of batch) {
          if (++rowNumber > ctx.limits.maxRows) throw databaseError(this.settings, { message: `it has more than ${ctx.limits.maxRows} rows` }, name)
          yield { rowNumber, cells }
        }
      }
    } catch (e) {
      throw e instanceof ApiError ? e : databaseError(this.settings, e, name)
    }
    warnings.push(...binaries.warnings())
  }

  close(): Promise<void> {
    return this.driver.close().catch(() => {})
  }
}
