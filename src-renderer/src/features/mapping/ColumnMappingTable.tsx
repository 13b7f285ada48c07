/**
 * One row per source column: the suggested MODS item with its confidence and reason, the items it
 * is mapped to (the picker shows the first; a full name may feed more), their transforms, and a
 * value-map button for coded items. Catalogue badges say which items are unconfirmed or safety-critical.
 */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { TableMapping, TableSuggestions } from '../../../../src-main/contract'
import { ScrollTable } from '../../components/ScrollTable'
import type { ItemOption } from './catalogue-items'
import { ItemBadges } from './ItemBadges'
import { ItemSelect } from './ItemSelect'
import type { ColumnAssignment } from './mapping-model'
import { columnFields } from './mapping-model'
import { describeSteps } from './transform-ops'
import { TableHead } from '../../components/TableHead'

function confidenceLabel(confidence: number): { text: string; color: string } {
  const pct = `${Math.round(confidence * 100)}%`
  if (confidence >= 0.8) return { text: `High ${pct}`, color: 'green' }
  if (confidence >= 0.6) return { text: `Medium ${pct}`, color: 'yellow' }
  return { text: `Low ${pct}`, color: 'gray' }
}

export interface FieldActions {
  onEdit: (element: string) => void
  onRemove: (element: string) => void
  onValueMap: (element: string) => void
}

interface Props extends FieldActions {
  suggestions: TableSuggestions
  table: TableMapping
  options: ItemOption[]
  onAssign: (column: string, element: string | null) => void
  onAddItem: (column: string) => void
}

/** Transforms and value-map buttons of one field on one column's row. */
function FieldButtons({ column, a, item, actions, extra }: { column: string; a: ColumnAssignment; item: ItemOption | undefined; actions: FieldActions; extra: boolean }) {
  const name = extra ? `${column} → ${item?.label ?? a.field.element}` : column
  const steps = a.field.transforms
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="xs" variant="light" onClick={() => actions.onEdit(a.field.element)} aria-label={`Transforms for ${name}`}>
        Transforms{steps.length ? ` (${steps.length})` : ''}
      </Button>
      {item?.codeList && (
        <Button size="xs" variant="light" onClick={() => actions.onValueMap(a.field.element)} aria-label={`Value map for ${name}`}>
          Value map
        </Button>
      )}
      {extra && (
        <Button size="xs" variant="subtle" color="red" onClick={() => actions.onRemove(a.field.element)} aria-label={`Remove ${name}`}>
          Remove
        </Button>
      )}
    </Group>
  )
}

export function ColumnMappingTable({ suggestions, table, options, onAssign, onAddItem, ...actions }: Props) {
  const fields = columnFields(table)
  const byId = new Map(options.map((o) => [o.value, o]))
  return (
    <ScrollTable label="Column mapping table">
      <Table striped aria-label="Column mapping" verticalSpacing="xs">
        <TableHead columns={['Source column', 'Suggestion', 'Mapped to MODS item', 'Transforms and values']} />
        <Table.Tbody>
          {suggestions.columns.map((col) => {
            const top = col.suggestions[0]
            const [primary, ...extras] = fields.get(col.column) ?? []
            const current = primary?.field.element ?? null
            const conf = top ? confidenceLabel(top.confidence) : null
            return (
              <Table.Tr key={col.column}>
                <Table.Th scope="row">{col.column}</Table.Th>
                <Table.Td maw={340}>
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
                <Table.Td miw={320}>
                  <Stack gap={4}>
                    <ItemSelect
                      aria-label={`MODS item for ${col.column}`}
                      options={options}
                      clearable
                      clearButtonProps={{ 'aria-label': `Unmap ${col.column}`, 'aria-hidden': false, tabIndex: 0 }}
                      value={current}
                      onChange={(v) => onAssign(col.column, v)}
                    />
                    {current && <ItemBadges item={byId.get(current)} />}
                    {extras.map((a) => (
                      <Text size="sm" key={a.field.element} component="div">
                        Also: {byId.get(a.field.element)?.label ?? a.field.element} <ItemBadges item={byId.get(a.field.element)} />
                      </Text>
                    ))}
                    {current && (
                      <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => onAddItem(col.column)} aria-label={`Add another item from ${col.column}`}>
                        Add another item
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {primary ? (
                    <Stack gap={6}>
                      {[primary, ...extras].map((a, i) => (
                        <Stack gap={2} key={a.field.element}>
                          {a.field.transforms.length > 0 && <Text size="xs">{describeSteps(a.field.transforms)}</Text>}
                          <FieldButtons column={col.column} a={a} item={byId.get(a.field.element)} actions={actions} extra={i > 0} />
                        </Stack>
                      ))}
                    </Stack>
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
