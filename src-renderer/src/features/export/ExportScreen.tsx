/** Export: state the purpose, write the pack, and see every file written with its size and SHA-256. */
import { Alert, Button, Code, Group, List, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import type { ExportResult, WorkspaceInfo } from '../../../../src-main/contract'
import { ApiError } from '../../../../src-main/contract/errors'
import { useApi } from '../../api/ApiProvider'
import { newJobId, useJobProgress } from '../../api/hooks'
import { Empty, ErrorNotice } from '../../components/States'
import { ScrollTable } from '../../components/ScrollTable'
import { formatBytes, formatCount } from '../../format'
import { TableHead } from '../../components/TableHead'
import { PackLocation } from './PackLocation'

function CountList({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts)
  return (
    <div>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {entries.length === 0 ? (
        <Text size="sm">None</Text>
      ) : (
        <List size="sm">
          {entries.map(([k, v]) => (
            <List.Item key={k}>
              {k}: {formatCount(v)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  )
}

function PackFiles({ result }: { result: ExportResult }) {
  const files = result.zip ? [...result.files, result.zip] : result.files
  return (
    <ScrollTable label="Files written">
      <Table striped aria-label="Files written" miw={800}>
        <TableHead columns={['File', 'Size', 'SHA-256']} />
        <Table.Tbody>
          {files.map((f) => (
            <Table.Tr key={f.path}>
              <Table.Td>{f.path}</Table.Td>
              <Table.Td>{formatBytes(f.bytes)}</Table.Td>
              <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                {f.sha256}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  )
}

interface Props {
  workspace: WorkspaceInfo
  /** Packs written in this session, oldest first; the API keeps no list to ask for. */
  written: ExportResult[]
  onWritten: (result: ExportResult) => void
  onIssues: () => void
}

export function ExportScreen({ workspace, written, onWritten, onIssues }: Props) {
  const api = useApi()
  const [purpose, setPurpose] = useState('')
  const result = written.at(-1) ?? null
  const earlier = written.slice(0, -1).reverse()
  const [error, setError] = useState<Error | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useJobProgress(jobId)

  const run = async () => {
    const id = newJobId('export')
    setJobId(id)
    setError(null)
    try {
      onWritten(await api.call('export.run', { purpose, jobId: id }))
    } catch (err) {
      setError(err as Error)
    } finally {
      setJobId(null)
    }
  }
  const blocked = error instanceof ApiError && error.code === 'EXPORT_BLOCKED'

  return (
    <Stack>
      <Title order={2}>Export</Title>
      <Text size="sm">
        The pack holds a FHIR R4 UK Core bundle, MODS CSV extracts, the open issues and a manifest of SHA-256 checksums, plus a zip of it all. Each
        pack is a new folder in <Code>exports</Code>, beside the workspace file <Code>{workspace.fileName}</Code>. It contains personal data: keep it on
        approved storage.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Purpose of this export"
            description="Recorded in the audit log and the manifest"
            placeholder="e.g. Migration to the new care record system"
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            required
            w={460}
          />
          <Button type="submit" disabled={!purpose.trim()} loading={jobId !== null}>
            Write export pack
          </Button>
        </Group>
      </form>
      {jobId && <Progress value={(progress?.fraction ?? 0) * 100} animated aria-label={`Exporting: ${progress?.phase ?? 'starting'}`} />}
      {error && <ErrorNotice title={blocked ? 'the export was stopped' : 'the export failed'} error={error} />}
      {blocked && (
        <Button variant="light" onClick={onIssues} w="fit-content">
          Go to Issues
        </Button>
      )}
      {result ? (
        <Stack>
          <Alert color="green" title={`Export pack written: ${result.packName}`} role="status">
            {formatCount(result.files.length)} files{result.zip ? ' and a zip' : ''}. Issues included: {formatCount(result.counts.issues.error)} errors,{' '}
            {formatCount(result.counts.issues.warning)} warnings, {formatCount(result.counts.issues.info)} information. {formatCount(result.counts.escapedCells)}{' '}
            spreadsheet cells were protected against formula injection.
          </Alert>
          <PackLocation result={result} workspace={workspace} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <CountList title="FHIR resources" counts={result.counts.resources} />
            <CountList title="MODS records" counts={result.counts.records} />
            <CountList title="Left out (person not exported)" counts={result.counts.skipped} />
            <CountList title="Left out (missing what FHIR requires, such as a medicine's name)" counts={result.counts.incomplete} />
          </SimpleGrid>
          <PackFiles result={result} />
          {earlier.length > 0 && (
            <section aria-labelledby="earlier-heading">
              <Title order={3} size="h5" id="earlier-heading">
                Written earlier in this session
              </Title>
              <List size="sm">
                {earlier.map((r) => (
                  <List.Item key={r.packName}>
                    <Code>exports/{r.packName}</Code>
                  </List.Item>
                ))}
              </List>
            </section>
          )}
        </Stack>
      ) : (
        !jobId && (
          <Empty title="No export written in this session yet">
            Enter the purpose above, then choose “Write export pack”. Packs written before are in the <Code>exports</Code> folder.
          </Empty>
        )
      )}
    </Stack>
  )
}
