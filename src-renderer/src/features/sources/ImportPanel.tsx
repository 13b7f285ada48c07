/**
 * One chosen file: preview it with editable settings, then import it with a progress bar and Cancel.
 * A file imported before is refused by the engine; the user may then replace the earlier import.
 */
import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import type { ImportResult, SourceOptions, SourcePreview } from '../../../../src-main/contract'
import { ApiError } from '../../../../src-main/contract/errors'
import { useApi } from '../../api/ApiProvider'
import type { GrantedFile } from '../../api/files'
import { newJobId, useJobProgress } from '../../api/hooks'
import { ErrorNotice, Loading } from '../../components/States'
import { formatCount, plural } from '../../format'
import { PreviewForm } from './PreviewForm'

interface Props {
  file: GrantedFile
  onImported: (result: ImportResult) => void
  onDismiss: () => void
}

export function ImportPanel({ file, onImported, onDismiss }: Props) {
  const api = useApi()
  const [options, setOptions] = useState<SourceOptions>({})
  const [preview, setPreview] = useState<SourcePreview | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Error | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useJobProgress(jobId)

  const loadPreview = useCallback(
    async (opts: SourceOptions) => {
      setLoading(true)
      setError(null)
      try {
        setPreview(await api.call('sources.preview', { file: file.handle, options: opts }))
      } catch (err) {
        setError(err as Error)
      } finally {
        setLoading(false)
      }
    },
    [api, file.handle],
  )
  useEffect(() => void loadPreview({}), [loadPreview])

  const runImport = async (extra: SourceOptions = {}) => {
    const id = newJobId('import')
    setJobId(id)
    setError(null)
    try {
      onImported(await api.call('sources.import', { file: file.handle, options: { ...options, ...extra }, jobId: id }))
    } catch (err) {
      setError(err as Error)
    } finally {
      setJobId(null)
    }
  }
  const cancel = () => jobId && void api.call('job.cancel', { jobId })
  const sheetCount = options.sheets?.length ?? preview?.sheets.length ?? 0
  const duplicate = error instanceof ApiError && error.code === 'CONFLICT'
  const cancelled = error instanceof ApiError && error.code === 'CANCELLED'

  return (
    <Card withBorder component="section" aria-label={`Import ${file.name}`}>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {file.name}
          </Title>
          <Button variant="subtle" onClick={onDismiss} disabled={jobId !== null}>
            Close
          </Button>
        </Group>
        {loading && !preview && <Loading label="Reading the start of the file…" />}
        {preview && <PreviewForm preview={preview} options={options} onChange={setOptions} onRefresh={() => void loadPreview(options)} refreshing={loading} />}
        {jobId ? (
          <Stack gap={4}>
            <Progress value={(progress?.fraction ?? 0) * 100} animated aria-label="Import progress" />
            <Group justify="space-between">
              <Text size="sm" aria-live="polite">
                {progress ? `${progress.phase}${progress.rows !== undefined ? `: ${formatCount(progress.rows)} rows` : ''}` : 'Starting…'}
              </Text>
              <Button size="xs" color="red" variant="light" onClick={cancel}>
                Cancel import
              </Button>
            </Group>
          </Stack>
        ) : (
          preview && (
            <Group>
              <Button onClick={() => void runImport()} disabled={sheetCount === 0}>
                Import {plural(sheetCount, 'sheet')}
              </Button>
            </Group>
          )
        )}
        {cancelled ? (
          <Alert color="gray" title="Import cancelled" role="status">
            Nothing was changed in the workspace. You can import the file again when ready.
          </Alert>
        ) : (
          error && <ErrorNotice title={preview ? 'the import did not finish' : 'the file could not be read'} error={error} />
        )}
        {duplicate && (
          <Group>
            <Button variant="light" onClick={() => void runImport({ onDuplicate: 'replace' })}>
              Replace the earlier import with this file
            </Button>
            <Button variant="default" onClick={onDismiss}>
              Keep the earlier import
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
