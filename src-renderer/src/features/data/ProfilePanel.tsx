/** Column statistics for one imported table (profile.table): type, blanks, distinct values, patterns, top values. */
import { Badge, Group, Table, Text, Title } from '@mantine/core'
import type { ColumnProfile } from '../../../../src-main/contract'
import { useQuery } from '../../api/hooks'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { formatCount } from '../../format'
import { ScrollTable } from '../../components/ScrollTable'
import { TableHead } from '../../components/TableHead'

const patternNames: Record<string, string> = { 'nhs-number': 'NHS number', postcode: 'postcode', phone: 'phone number', email: 'email address' }

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`
}

function ColumnRow({ column, rows }: { column: ColumnProfile; rows: number }) {
  const top = column.topValues.slice(0, 3).map((v) => `${v.value || '(blank)'} × ${formatCount(v.count)}`).join(', ')
  return (
    <Table.Tr>
      <Table.Th scope="row">{column.name}</Table.Th>
      <Table.Td>{column.type === 'empty' ? 'all blank' : column.type}</Table.Td>
      <Table.Td>
        {formatCount(column.blanks)} ({percent(column.blanks, rows)})
      </Table.Td>
      <Table.Td>
        {formatCount(column.distinct)}
        {column.distinctCapped ? '+' : ''}
      </Table.Td>
      <Table.Td>
        {column.pattern ? (
          <Badge variant="light" color="teal">
            {patternNames[column.pattern.kind] ?? column.pattern.kind} ({percent(column.pattern.share, 1)})
          </Badge>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {top || '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

export function ProfilePanel({ tableId }: { tableId: number }) {
  const profile = useQuery('profile.table', { tableId })
  if (profile.loading) return <Loading label="Profiling the columns…" />
  if (profile.error) return <ErrorNotice title="could not profile this table" error={profile.error} onRetry={profile.reload} />
  const data = profile.data
  if (!data || data.columns.length === 0) return <Empty title="No columns">This table has no columns to profile.</Empty>
  return (
    <section aria-labelledby="profile-heading">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="profile-heading">
          Column profile
        </Title>
        <Text size="sm">
          {formatCount(data.rows)} rows, {data.columns.length} columns
        </Text>
      </Group>
      <ScrollTable label="Column profile table">
        <Table striped aria-label="Column profile">
          <TableHead columns={['Column', 'Type', 'Blank', 'Distinct', 'Pattern', 'Most common values']} />
          <Table.Tbody>
            {data.columns.map((c) => (
              <ColumnRow key={c.ordinal} column={c} rows={data.rows} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  )
}
