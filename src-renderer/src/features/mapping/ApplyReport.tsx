/**
 * What the last apply produced: records per dataset, and every problem with where it is
 * (file, sheet, row, column) and what to do about it.
 */
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { ApplyResult, MappingProblemKind } from '../../../../src-main/contract'
import { useQuery } from '../../api/hooks'
import { ErrorNotice, Loading } from '../../components/States'
import { ScrollTable } from '../../components/ScrollTable'
import { formatCount, plural } from '../../format'
import { TableHead } from '../../components/TableHead'

const kinds: { kind: MappingProblemKind; label: string; todo: string }[] = [
  { kind: 'orphan', label: 'Rows without a person', todo: 'Check the person key in that row matches a person on the people sheet, or choose the right person key column, then apply again.' },
  { kind: 'unmapped-value', label: 'Values without a code', todo: 'Open the item’s value map and choose the code each value stands for, then save and apply again.' },
  { kind: 'invalid-value', label: 'Values failing their datatype', todo: 'Correct the value in the source file, or add a transform (UK date, phone, postcode…) and apply again.' },
  { kind: 'repeated-key', label: 'Rows repeating an ID', todo: 'Two rows of one sheet share a person ID, so the later row was left out. Give each person their own ID in the source, or merge the rows, then re-import and apply again.' },
]

function ProblemList({ kind, itemLabel }: { kind: MappingProblemKind; itemLabel: (id: string) => string }) {
  const page = useQuery('mapping.problems', { kind, limit: 100 })
  if (page.loading) return <Loading label="Listing the problems…" />
  if (page.error) return <ErrorNotice title="could not list the problems" error={page.error} onRetry={page.reload} />
  const data = page.data
  if (!data || data.total === 0) return <Text size="sm">None.</Text>
  return (
    <Stack gap={4}>
      <Text size="sm">{kinds.find((k) => k.kind === kind)?.todo}</Text>
      {data.total > data.problems.length && <Text size="xs">Showing the first {formatCount(data.problems.length)} of {formatCount(data.total)}; the Issues step lists them all.</Text>}
      <ScrollTable label={`${kind} problems`} maxHeight={320}>
        <Table striped aria-label="Mapping problems">
          <TableHead columns={['Where', 'Item', 'Value', 'Problem']} />
          <Table.Tbody>
            {data.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {p.file ? `${p.file}, ` : ''}sheet {p.sheet ?? '?'}, row {p.rowNumber ?? '?'}
                  {p.column ? `, column ${p.column}` : ''}
                </Table.Td>
                <Table.Td>{p.element ? itemLabel(p.element) : `${p.dataset} record`}</Table.Td>
                <Table.Td ff="monospace">{p.value ?? ''}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  )
}

export function ApplyReport({ result, itemLabel, onIssues }: { result: ApplyResult; itemLabel: (id: string) => string; onIssues: () => void }) {
  const counts: Record<MappingProblemKind, number> = { orphan: result.orphans, 'unmapped-value': result.unmappedValues, 'invalid-value': result.invalidValues, 'repeated-key': result.repeatedKeys }
  const first = kinds.find((k) => counts[k.kind] > 0)?.kind ?? 'orphan'
  const [kind, setKind] = useState<MappingProblemKind>(first)
  const total = result.orphans + result.unmappedValues + result.invalidValues + result.repeatedKeys
  return (
    <Alert color={total ? 'yellow' : 'green'} title="Mapping applied" role="status">
      <Stack gap="xs">
        <Table aria-label="Records written" withTableBorder>
          <TableHead columns={['Dataset', 'Records', 'New', 'Updated', 'Unchanged', 'Removed']} />
          <Table.Tbody>
            {Object.entries(result.datasets).map(([ds, r]) => (
              <Table.Tr key={ds}>
                <Table.Th scope="row">{ds}</Table.Th>
                {[r.records, r.inserted, r.updated, r.unchanged, r.deleted].map((n, i) => (
                  <Table.Td key={i}>{formatCount(n)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          {Object.entries(result.datasets)
            .map(([ds, r]) => `${ds}: ${formatCount(r.records)} records`)
            .join('; ')}
          . {plural(result.unmappedValues, 'unmapped value')}, {plural(result.invalidValues, 'invalid value')}, {plural(result.orphans, 'row')} without a person.
        </Text>
        {total > 0 && (
          <>
            <SegmentedControl
              aria-label="Kind of problem"
              value={kind}
              onChange={(v) => setKind(v as MappingProblemKind)}
              data={kinds.map((k) => ({ value: k.kind, label: `${k.label}: ${formatCount(counts[k.kind])}` }))}
            />
            <ProblemList key={kind} kind={kind} itemLabel={itemLabel} />
          </>
        )}
        <Group>
          <Button size="xs" variant="white" onClick={onIssues}>
            Check issues
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
