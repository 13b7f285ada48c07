/** One page of issues: severity, plain-English message, item, value, and the exact source row. */
import { Badge, Table, Text } from '@mantine/core'
import type { IssueSource, QualityIssue } from '../../../../src-main/contract'
import { ScrollTable } from '../../components/ScrollTable'
import { severityLabels } from './severity'
import { TableHead } from '../../components/TableHead'

const badgeColours = { error: 'red', warning: 'orange', info: 'blue' } as const

export function describeSource(source: IssueSource | null): string {
  if (!source) return '—'
  const parts = [source.file]
  if (source.sheet) parts.push(`sheet ${source.sheet}`)
  parts.push(source.rowNumber !== null ? `row ${source.rowNumber}` : `row id ${source.rowId}`)
  if (source.column) parts.push(`column ${source.column}`)
  return parts.join(', ')
}

export function IssueList({ issues }: { issues: QualityIssue[] }) {
  return (
    <ScrollTable label="Open issues (scrollable)">
      <Table striped aria-label="Open issues" verticalSpacing="xs" miw={900}>
        <TableHead columns={['Severity', 'Problem', 'Item', 'Value', 'Where', 'What to do']} />
        <Table.Tbody>
          {issues.map((issue) => {
            const sev = severityLabels[issue.severity]
            return (
              <Table.Tr key={issue.id}>
                <Table.Td miw={140}>
                  <Badge style={{ overflow: 'visible' }} color={badgeColours[issue.severity]} variant="light" leftSection={<span aria-hidden>{sev.icon}</span>}>
                    {sev.label}
                  </Badge>
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
                <Table.Td>{issue.item ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {issue.value ?? '(blank)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {describeSource(issue.source)}
                  {issue.recordKey ? ` (record ${issue.recordKey})` : ''}
                </Table.Td>
                <Table.Td>{issue.fix}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  )
}
