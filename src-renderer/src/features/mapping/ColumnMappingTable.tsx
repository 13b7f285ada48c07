/**
 * One row per source column: the suggested MODS item with its confidence and reason, the item it is
 * mapped to (changeable), and a value-map button for coded items.
 */
import { Badge, Button, Select, Table, Text } from '@mantine/core'
import type { ModsCatalogueView, TableMapping, TableSuggestions } from '../../../../src-main/contract'
import { columnAssignments } from './mapping-model'
import { ScrollTable } from '../../components/ScrollTable'

export interface ItemOption {
  value: string
  label: string
  dataset: string
  codeList: string | null
}

export function itemOptions(catalogue: ModsCatalogueView): ItemOption[] {
  const classes = new Map(catalogue.classes.map((c) => [c.id, c]))
  return catalogue.elements.map((e) => {
    const cls = classes.get(e.classId)
    return { value: e.id, label: `${cls?.name ?? e.classId}: ${e.name}`, dataset: cls?.dataset ?? '', codeList: e.codeList }
  })
}

function confidenceLabel(confidence: number): { text: string; color: string } {
  const pct = `${Math.round(confidence * 100)}%`
  if (confidence >= 0.8) return { text: `High ${pct}`, color: 'green' }
  if (confidence >= 0.6) return { text: `Medium ${pct}`, color: 'yellow' }
  return { text: `Low ${pct}`, color: 'gray' }
}

interface Props {
  suggestions: TableSuggestions
  table: TableMapping
  options: ItemOption[]
  onAssign: (column: string, element: string | null) => void
  onValueMap: (element: string) => void
}

export function ColumnMappingTable({ suggestions, table, options, onAssign, onValueMap }: Props) {
  const assigned = columnAssignments(table)
  const byId = new Map(options.map((o) => [o.value, o]))
  return (
    <ScrollTable label="Column mapping table">
      <Table striped aria-label="Column mapping" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Source column</Table.Th>
            <Table.Th>Suggestion</Table.Th>
            <Table.Th>Mapped to MODS item</Table.Th>
            <Table.Th>Values</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suggestions.columns.map((col) => {
            const top = col.suggestions[0]
            const current = assigned.get(col.column)?.field.element ?? null
            const coded = current ? byId.get(current)?.codeList : null
            const conf = top ? confidenceLabel(top.confidence) : null
            return (
              <Table.Tr key={col.column}>
                <Table.Th scope="row">{col.column}</Table.Th>
                <Table.Td maw={360}>
                  {top && conf ? (
                    <>
                      <Text component="div" size="sm" fw={600}>
                        {top.label}{' '}
                        <Badge size="sm" variant="light" color={conf.color}>
                          {conf.text}
                        </Badge>
                      </Text>
                      <Text size="xs">{top.reason}</Text>
                    </>
                  ) : (
                    <Text size="sm">{col.unmapped ?? 'No suggestion'}</Text>
                  )}
                </Table.Td>
                <Table.Td miw={300}>
                  <Select
                    aria-label={`MODS item for ${col.column}`}
                    data={options}
                    searchable
                    clearable
                    placeholder="Not mapped"
                    allowDeselect={false}
                    clearButtonProps={{ 'aria-label': `Unmap ${col.column}`, 'aria-hidden': false, tabIndex: 0 }}
                    value={current}
                    onChange={(v) => onAssign(col.column, v)}
                    comboboxProps={{ withinPortal: true }}
                    limit={50}
                  />
                </Table.Td>
                <Table.Td>
                  {current && coded ? (
                    <Button size="xs" variant="light" onClick={() => onValueMap(current)} aria-label={`Value map for ${col.column}`}>
                      Value map
                    </Button>
                  ) : (
                    <Text size="xs">—</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  )
}
