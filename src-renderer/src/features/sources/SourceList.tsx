/** Imported sources with their tables and row counts; browse a table or remove a source. */
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { SourceEntry } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import { ErrorNotice } from '../../components/States'
import { formatBytes, formatCount, formatDateTime } from '../../format'
import { ScrollTable } from '../../components/ScrollTable'
import { TableHead } from '../../components/TableHead'

interface Props {
  sources: SourceEntry[]
  onBrowse: (tableId: number) => void
  onRemoved: () => void
}

export function SourceList({ sources, onBrowse, onRemoved }: Props) {
  const api = useApi()
  const [removing, setRemoving] = useState<SourceEntry | null>(null)
  const [error, setError] = useState<Error | null>(null)

  const remove = async (source: SourceEntry) => {
    setError(null)
    try {
      await api.call('sources.remove', { sourceId: source.id })
      setRemoving(null)
      onRemoved()
    } catch (err) {
      setError(err as Error)
    }
  }

  return (
    <>
      <ScrollTable label="Imported sources table">
        <Table striped aria-label="Imported sources">
          <TableHead columns={['File', 'Imported', 'Size', 'Tables and rows', 'Actions']} />
          <Table.Tbody>
            {sources.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.fileName} <Text span size="xs">({s.format})</Text>
                </Table.Td>
                <Table.Td>{formatDateTime(s.importedAt)}</Table.Td>
                <Table.Td>{formatBytes(s.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {s.tables.map((t) => (
                      <Button key={t.id} size="compact-sm" variant="light" onClick={() => onBrowse(t.id)} aria-label={`Browse ${t.name}: ${t.rowCount} rows`}>
                        {t.name}: {formatCount(t.rowCount)} rows
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" color="red" variant="subtle" onClick={() => setRemoving(s)} aria-label={`Remove ${s.fileName}`}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove this source?" closeButtonProps={{ 'aria-label': 'Close' }}>
        {removing && (
          <Stack>
            <Text size="sm">
              This removes {removing.fileName} and all {formatCount(removing.tables.reduce((n, t) => n + t.rowCount, 0))} of its rows from the workspace, with its mapping and the MODS records made from it (the records of your other files are rebuilt). Your original file is not touched. The removal is recorded in the audit log.
            </Text>
            {error && <ErrorNotice title="the source was not removed" error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                Keep it
              </Button>
              <Button color="red" onClick={() => void remove(removing)}>
                Remove source
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}
