/** Start: create or open a workspace, see recent ones, and which versions of the standards are in use. */
import { Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import type { SessionInfo, WorkspaceInfo } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import type { Query } from '../../api/hooks'
import { useQuery } from '../../api/hooks'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { formatDateTime } from '../../format'
import { TableHead } from '../../components/TableHead'

function Versions({ session }: { session: Query<SessionInfo> }) {
  if (session.loading) return <Loading label="Reading versions…" />
  if (session.error) return <ErrorNotice title="could not read the versions" error={session.error} onRetry={session.reload} />
  const info = session.data
  if (!info) return null
  const rows: [string, string][] = [
    ['MODS Migrate', info.appVersion],
    ['MODS standard', info.modsVersion],
    ['MODS catalogue', info.catalogueVersion],
    ['FHIR', `R4 (${info.fhirVersion})`],
    ['UK Core', info.ukCoreVersion],
    ['Signed in as', `${info.actor.user} (${info.actor.role})`],
  ]
  return (
    <Table aria-label="Versions" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row">{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function StartScreen({ session, onOpened }: { session: Query<SessionInfo>; onOpened: (ws: WorkspaceInfo) => void }) {
  const api = useApi()
  const list = useQuery('workspace.list', {})
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Error | null>(null)

  const run = async (action: () => Promise<WorkspaceInfo>) => {
    setBusy(true)
    setError(null)
    try {
      onOpened(await action())
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={960}>
      <Title order={2}>Start</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="create-heading">
          <Title order={3} size="h4" id="create-heading" mb="xs">
            Create a workspace
          </Title>
          <Text size="sm" mb="sm">
            A workspace is one file on this computer that holds the imported data, your mapping, the checks and the exports.
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void run(() => api.call('workspace.create', { name }))
            }}
          >
            <Group align="flex-end">
              <TextInput label="Workspace name" placeholder="e.g. Sunnyside migration" value={name} onChange={(e) => setName(e.currentTarget.value)} required style={{ flex: 1 }} />
              <Button type="submit" loading={busy} disabled={!name.trim()}>
                Create
              </Button>
            </Group>
          </form>
        </Card>
        <Card withBorder component="section" aria-labelledby="versions-heading">
          <Title order={3} size="h4" id="versions-heading" mb="xs">
            Versions
          </Title>
          <Versions session={session} />
        </Card>
      </SimpleGrid>
      {error && <ErrorNotice title="the workspace could not be opened" error={error} />}
      <Paper withBorder p="md" component="section" aria-labelledby="recent-heading">
        <Title order={3} size="h4" id="recent-heading" mb="xs">
          Recent workspaces
        </Title>
        {list.loading ? (
          <Loading label="Looking for workspaces…" />
        ) : list.error ? (
          <ErrorNotice title="could not list the workspaces" error={list.error} onRetry={list.reload} />
        ) : !list.data?.length ? (
          <Empty title="No workspaces yet">Create one above to start a migration.</Empty>
        ) : (
          <Table striped highlightOnHover aria-label="Recent workspaces">
            <TableHead columns={['Name', 'File', 'Last changed', <VisuallyHidden key="action">Action</VisuallyHidden>]} />
            <Table.Tbody>
              {list.data.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{w.name}</Table.Td>
                  <Table.Td>{w.fileName}</Table.Td>
                  <Table.Td>{formatDateTime(w.modifiedAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" disabled={busy} onClick={() => void run(() => api.call('workspace.open', { id: w.id }))} aria-label={`Open ${w.name}`}>
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}
