/** Save the mapping as a portable template file, or load one and see which columns matched. */
import { Alert, Button, FileButton, Group, List, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { TemplateImportResult } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import { ErrorNotice } from '../../components/States'

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function TemplatePanel({ onImported }: { onImported: () => void }) {
  const api = useApi()
  const [name, setName] = useState('Care home mapping')
  const [error, setError] = useState<Error | null>(null)
  const [report, setReport] = useState<TemplateImportResult | null>(null)

  const save = async () => {
    setError(null)
    try {
      const template = await api.call('mapping.templateExport', { name })
      download(`${name.replace(/[^A-Za-z0-9 _-]+/g, '')}.mapping.json`, JSON.stringify(template, null, 2))
    } catch (err) {
      setError(err as Error)
    }
  }

  const load = async (file: File | null) => {
    if (!file) return
    setError(null)
    try {
      let template: unknown
      try {
        template = JSON.parse(await file.text())
      } catch {
        throw new Error(`${file.name} is not a mapping template (it is not JSON). Choose a file saved with “Save template”.`)
      }
      setReport(await api.call('mapping.templateImport', { template, save: true }))
      onImported()
    } catch (err) {
      setError(err as Error)
    }
  }

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="Template name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={300} />
        <Button variant="default" onClick={() => void save()} disabled={!name.trim()}>
          Save template
        </Button>
        <FileButton onChange={(f) => void load(f)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" {...props}>
              Load template…
            </Button>
          )}
        </FileButton>
      </Group>
      {error && <ErrorNotice title="the template could not be used" error={error} />}
      {report && (
        <Alert color="blue" title="Template loaded" role="status">
          <List size="sm">
            {report.tables.map((t) => (
              <List.Item key={t.table}>
                <Text size="sm">
                  {t.table}: {t.matchedTableId === null ? 'no matching sheet' : `${t.matchedColumns.length} columns matched`}
                  {t.missingColumns.length > 0 && `; missing: ${t.missingColumns.join(', ')}`}
                  {t.droppedFields.length > 0 && `; items dropped: ${t.droppedFields.join(', ')}`}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  )
}
