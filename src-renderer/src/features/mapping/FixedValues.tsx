/** Items given the same value on every row, without a source column (e.g. the provider's ODS code). */
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { TableMapping } from '../../../../src-main/contract'
import type { ItemOption } from './catalogue-items'
import { ItemBadges } from './ItemBadges'
import { fixedFields } from './mapping-model'

interface Props {
  table: TableMapping
  items: Map<string, ItemOption>
  onAdd: () => void
  onEdit: (element: string) => void
  onRemove: (element: string) => void
}

export function FixedValues({ table, items, onAdd, onEdit, onRemove }: Props) {
  const fixed = fixedFields(table)
  return (
    <Stack gap="xs" component="section" aria-labelledby="fixed-heading">
      <Group justify="space-between">
        <Title order={3} size="h5" id="fixed-heading">
          Fixed values
        </Title>
        <Button size="xs" variant="default" onClick={onAdd}>
          Add a fixed value
        </Button>
      </Group>
      {fixed.length === 0 ? (
        <Text size="sm">None. Use a fixed value for an item no column holds, such as your organisation’s ODS code.</Text>
      ) : (
        <Table aria-label="Fixed values" withTableBorder>
          <Table.Tbody>
            {fixed.map(({ field }) => {
              const item = items.get(field.element)
              const constant = field.transforms.find((t) => t.op === 'constant')
              const label = item?.label ?? field.element
              return (
                <Table.Tr key={field.element}>
                  <Table.Th scope="row">
                    {label} <ItemBadges item={item} />
                  </Table.Th>
                  <Table.Td ff="monospace">{constant?.op === 'constant' ? constant.value : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => onEdit(field.element)} aria-label={`Edit the fixed value of ${label}`}>
                        Edit
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(field.element)} aria-label={`Remove the fixed value of ${label}`}>
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
