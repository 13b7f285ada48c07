/** Maps each distinct source value of a coded item to a code from its MODS code list. */
import { Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { TableMapping, ValueMap } from '../../../../src-main/contract'
import { useQuery } from '../../api/hooks'
import { ErrorNotice, Loading } from '../../components/States'
import { formatCount } from '../../format'
import { TableHead } from '../../components/TableHead'

const noValue = '__no_value__'

interface Props {
  tableId: number
  /** The mapping as being edited (possibly unsaved): the item's column comes from it. */
  draft: TableMapping
  element: string
  itemLabel: string
  onClose: () => void
  onSave: (valueMap: ValueMap) => void
}

export function ValueMapEditor({ tableId, draft, element, itemLabel, onClose, onSave }: Props) {
  const view = useQuery('mapping.valueMap', { tableId, element, mapping: draft })
  const [choices, setChoices] = useState<Record<string, string | null | undefined>>({})
  useEffect(() => {
    if (!view.data) return
    setChoices(Object.fromEntries(view.data.values.map((v) => [v.value, v.mapped !== undefined ? v.mapped : (v.suggested ?? undefined)])))
  }, [view.data])

  const options = [{ value: noValue, label: '(means no value)' }, ...(view.data?.codes ?? []).map((c) => ({ value: c.code, label: `${c.display} (${c.code})` }))]
  return (
    <Modal opened onClose={onClose} title={`Value map: ${itemLabel}`} size="xl" closeButtonProps={{ 'aria-label': 'Close the value map' }}>
      {view.loading ? (
        <Loading label="Reading the distinct values…" />
      ) : view.error ? (
        <ErrorNotice title="could not read the values" error={view.error} onRetry={view.reload} />
      ) : view.data ? (
        <Stack>
          <Text size="sm">
            Code list: {view.data.codeList}. Choose the code each source value stands for; values left blank stay unmapped and are reported as issues.
          </Text>
          <Table aria-label="Value map">
            <TableHead columns={['Source value', 'Rows', 'Code', 'Why suggested']} />
            <Table.Tbody>
              {view.data.values.map((v) => (
                <Table.Tr key={v.value}>
                  <Table.Td ff="monospace">{v.value || '(blank)'}</Table.Td>
                  <Table.Td>{formatCount(v.count)}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Code for ${v.value || 'blank'}`}
                      data={options}
                      searchable
                      clearable
                      placeholder="Unmapped"
                      allowDeselect={false}
                      value={choices[v.value] === null ? noValue : (choices[v.value] ?? null)}
                      onChange={(code) => setChoices((c) => ({ ...c, [v.value]: code === noValue ? null : code }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{v.why}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                const map: ValueMap = {}
                for (const [value, code] of Object.entries(choices)) if (code !== undefined) map[value] = code
                onSave(map)
              }}
            >
              Use this value map
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
