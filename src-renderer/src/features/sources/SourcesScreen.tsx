/** Sources: drop or choose files, preview and import each, and see what is already imported. */
import { Alert, List, Stack, Title } from '@mantine/core'
import { useState } from 'react'
import type { ImportResult } from '../../../../src-main/contract'
import type { GrantedFile } from '../../api/files'
import { useQuery, useReloadOn } from '../../api/hooks'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { formatCount } from '../../format'
import { FileDrop } from './FileDrop'
import { ImportPanel } from './ImportPanel'
import { SourceList } from './SourceList'

export function SourcesScreen({ onBrowse }: { onBrowse: (tableId: number) => void }) {
  const sources = useQuery('sources.list', {})
  useReloadOn('sources', sources.reload)
  const [pending, setPending] = useState<GrantedFile[]>([])
  const [last, setLast] = useState<ImportResult | null>(null)
  const done = (file: GrantedFile) => setPending((p) => p.filter((f) => f.handle !== file.handle))

  return (
    <Stack>
      <Title order={2}>Sources</Title>
      <FileDrop onGranted={(files) => setPending((p) => [...p, ...files])} />
      {pending.map((file) => (
        <ImportPanel
          key={file.handle}
          file={file}
          onDismiss={() => done(file)}
          onImported={(result) => {
            setLast(result)
            done(file)
            sources.reload()
          }}
        />
      ))}
      {last && (
        <Alert color="green" title={`Imported ${last.fileName}`} role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setLast(null)}>
          <List size="sm">
            {last.tables.map((t) => (
              <List.Item key={t.id}>
                {t.name}: {formatCount(t.rows)} rows, {t.columns.length} columns
                {t.warnings.length > 0 && ` (${t.warnings.join('; ')})`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Title order={3} size="h4">
        Imported sources
      </Title>
      {sources.loading ? (
        <Loading label="Listing imported sources…" />
      ) : sources.error ? (
        <ErrorNotice title="could not list the sources" error={sources.error} onRetry={sources.reload} />
      ) : !sources.data?.length ? (
        <Empty title="Nothing imported yet">Drop a spreadsheet above, check the preview, then choose “Import”.</Empty>
      ) : (
        <SourceList sources={sources.data} onBrowse={onBrowse} onRemoved={sources.reload} />
      )}
    </Stack>
  )
}
