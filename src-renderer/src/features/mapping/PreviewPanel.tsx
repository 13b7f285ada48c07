/**
 * The first rows as they will look in MODS, per dataset. Values that fail their datatype or have no
 * code are marked with words and a tinted cell; item headers carry the catalogue's badges.
 */
import { Stack, Table, Text, Title } from '@mantine/core'
import type { PreviewDataset } from '../../../../src-main/contract'
import { Empty } from '../../components/States'
import { ScrollTable } from '../../components/ScrollTable'
import { formatValue, plural } from '../../format'
import type { ItemOption } from './catalogue-items'
import { ItemBadges } from './ItemBadges'
import { ProblemMark, problemCellStyle } from './ProblemMark'

export function PreviewPanel({ datasets, items }: { datasets: PreviewDataset[]; items: Map<string, ItemOption> }) {
  if (datasets.length === 0) return <Empty title="Nothing to preview">Map at least one column and save, then preview again.</Empty>
  return (
    <Stack>
      {datasets.map((ds) => {
        const problems = ds.rows.reduce((n, r) => n + Object.values(r.cells).filter((c) => c.problem).length, 0)
        return (
          <section key={ds.dataset} aria-label={`Preview of ${ds.dataset}`}>
            <Title order={3} size="h4">
              Dataset: {ds.dataset}
            </Title>
            <Text size="sm">{problems ? `${plural(problems, 'value')} in these rows fail their datatype or have no code (marked “⚠ Problem”).` : 'Every value in these rows is valid.'}</Text>
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
                      <Table.Th key={e} miw={130}>
                        {items.get(e)?.label ?? e} <ItemBadges item={items.get(e)} />
                      </Table.Th>
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
                          <Table.Td key={e} style={cell?.problem ? problemCellStyle : undefined} data-problem={cell?.problem ? true : undefined}>
                            {cell?.problem ? <ProblemMark message={cell.problem} raw={cell.raw} /> : formatValue(cell?.value)}
                          </Table.Td>
                        )
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
        )
      })}
    </Stack>
  )
}
