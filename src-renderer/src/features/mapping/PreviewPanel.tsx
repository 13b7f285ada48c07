/** The first rows as they will look in MODS, per dataset, with values that fail their datatype marked. */
import { Stack, Table, Text, Title } from '@mantine/core'
import type { PreviewDataset } from '../../../../src-main/contract'
import { Empty } from '../../components/States'
import { formatValue } from '../../format'
import { ScrollTable } from '../../components/ScrollTable'

export function PreviewPanel({ datasets, itemLabel }: { datasets: PreviewDataset[]; itemLabel: (id: string) => string }) {
  if (datasets.length === 0) return <Empty title="Nothing to preview">Map at least one column and save, then preview again.</Empty>
  return (
    <Stack>
      {datasets.map((ds) => (
        <section key={ds.dataset} aria-label={`Preview of ${ds.dataset}`}>
          <Title order={3} size="h4">Dataset: {ds.dataset}</Title>
          {ds.notes.map((n) => (
            <Text size="xs" key={n}>
              {n}
            </Text>
          ))}
          <ScrollTable label={`Preview rows for ${ds.dataset}`}>
            <Table striped aria-label={`Preview rows for ${ds.dataset}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  {ds.elements.map((e) => (
                    <Table.Th key={e}>{itemLabel(e)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ds.rows.map((r) => (
                  <Table.Tr key={r.rowNumber}>
                    <Table.Td>{r.rowNumber}</Table.Td>
                    {ds.elements.map((e) => {
                      const cell = r.cells[e]
                      return (
                        <Table.Td key={e}>
                          {formatValue(cell?.value)}
                          {cell?.problem && (
                            <Text size="xs" c="red.9">
                              ⚠ {cell.problem} (was “{cell.raw ?? ''}”)
                            </Text>
                          )}
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </section>
      ))}
    </Stack>
  )
}
