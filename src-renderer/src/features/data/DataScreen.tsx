/** Data: browse every row of an imported table exactly as imported, search it, and see its column profile. */
import { Anchor, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useApi } from '../../api/ApiProvider'
import { useQuery } from '../../api/hooks'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { TablePicker } from '../../components/TablePicker'
import { formatCount } from '../../format'
import { ProfilePanel } from './ProfilePanel'
import { VirtualGrid } from './VirtualGrid'
import type { GridRow, GridSort } from './VirtualGrid'

interface Props {
  tableId: number | null
  selectTable: (id: number) => void
  onImport: () => void
}

export function DataScreen({ tableId, selectTable, onImport }: Props) {
  const api = useApi()
  const sources = useQuery('sources.list', {})
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 300)
  const [total, setTotal] = useState<number | null>(null)
  const [gridError, setGridError] = useState<Error | null>(null)
  const [sort, setSort] = useState<GridSort | null>(null)
  const table = sources.data?.flatMap((s) => s.tables).find((t) => t.id === tableId)
  useEffect(() => setSort(null), [tableId])
  // The engine sorts by a column's SQL name; -1 is the original row number.
  const sortSpec = useMemo(
    () => (sort && table ? { column: sort.column < 0 ? '_row_number' : (table.columns[sort.column]?.sqlName ?? '_row_number'), direction: sort.direction } : undefined),
    [sort, table],
  )
  const toggleSort = useCallback(
    (column: number) => setSort((s) => (s?.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' })),
    [],
  )

  // The total for the current search decides how many rows the grid scrolls over.
  useEffect(() => {
    if (!tableId) return
    setTotal(null)
    api
      .call('sources.rows', { tableId, offset: 0, limit: 1, ...(query ? { search: query } : {}) })
      .then((page) => setTotal(page.total))
      .catch((err: Error) => setGridError(err))
  }, [api, tableId, query])

  const loadPage = useCallback(
    async (offset: number, limit: number): Promise<GridRow[]> => {
      if (!tableId) return []
      const page = await api.call('sources.rows', { tableId, offset, limit, ...(query ? { search: query } : {}), ...(sortSpec ? { sort: sortSpec } : {}) })
      return page.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.values }))
    },
    [api, tableId, query, sortSpec],
  )

  if (sources.loading) return <Loading label="Listing imported tables…" />
  if (sources.error) return <ErrorNotice title="could not list the tables" error={sources.error} onRetry={sources.reload} />
  if (!sources.data?.length) return <Empty title="No data yet">Import a file on the Sources step first.</Empty>

  return (
    <Stack>
      <Title order={2}>Data</Title>
      <Group align="flex-end">
        <TablePicker sources={sources.data} tableId={tableId} onChange={selectTable} />
        <TextInput label="Search rows" placeholder="Any text in any column" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <Text size="sm" aria-live="polite">
          {total === null ? '' : query ? `${formatCount(total)} matching rows` : `${formatCount(total)} rows`}
        </Text>
      </Group>
      {gridError && <ErrorNotice title="some rows could not be read" error={gridError} />}
      {table && (
        <Tabs defaultValue="rows">
          <Tabs.List>
            <Tabs.Tab value="rows">Rows</Tabs.Tab>
            <Tabs.Tab value="profile">Column profile</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rows" pt="sm">
            {total === 0 ? (
              <Empty title="No rows match">Clear the search to see every row.</Empty>
            ) : total !== null ? (
              <VirtualGrid
                label={`Rows of ${table.name}`}
                columns={table.columns.map((c) => c.name)}
                sort={sort}
                onSort={toggleSort}
                rowCount={total}
                loadPage={loadPage}
                onError={setGridError}
              />
            ) : (
              <Loading label="Counting rows…" />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="profile" pt="sm">
            <ProfilePanel tableId={table.id} />
          </Tabs.Panel>
        </Tabs>
      )}
      {!table && <Text size="sm">Choose a table above.</Text>}
      <Text size="xs">
        Rows are shown exactly as imported; nothing here changes your data. <Anchor component="button" size="xs" onClick={onImport}>
          Import another file
        </Anchor>.
      </Text>
    </Stack>
  )
}
