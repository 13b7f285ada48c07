/** Chooses the table to map, then shows its mapping. */
import { Stack } from '@mantine/core'
import { useQuery } from '../../api/hooks'
import { useGuard } from '../../app/unsaved-changes'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { TablePicker } from '../../components/TablePicker'
import { MappingScreen } from './MappingScreen'

interface Props {
  tableId: number | null
  selectTable: (id: number) => void
  onIssues: () => void
}

export function MappingStep({ tableId, selectTable, onIssues }: Props) {
  const sources = useQuery('sources.list', {})
  const guard = useGuard()
  if (sources.loading) return <Loading label="Listing imported tables…" />
  if (sources.error) return <ErrorNotice title="could not list the tables" error={sources.error} onRetry={sources.reload} />
  if (!sources.data?.length) return <Empty title="Nothing to map yet">Import a file on the Sources step first.</Empty>
  const known = sources.data.some((s) => s.tables.some((t) => t.id === tableId))
  return (
    <Stack>
      <TablePicker sources={sources.data} tableId={tableId} onChange={(id) => guard(() => selectTable(id))} />
      {tableId !== null && known && <MappingScreen key={tableId} tableId={tableId} onIssues={onIssues} />}
    </Stack>
  )
}
