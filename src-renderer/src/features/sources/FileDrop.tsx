/**
 * Where the user gives us files: drag and drop, or the keyboard-reachable "Choose files" button
 * (the native dialog on the desktop). Files go to the engine as opaque handles.
 */
import { Button, Group, Stack, Text } from '@mantine/core'
import { Dropzone } from '@mantine/dropzone'
import { useRef, useState } from 'react'
import { useFiles } from '../../api/ApiProvider'
import type { GrantedFile } from '../../api/files'
import { ErrorNotice } from '../../components/States'

export const acceptedExtensions = ['.csv', '.tsv', '.txt', '.xlsx', '.xls', '.mdb', '.accdb', '.sqlite', '.db', '.json']

export function FileDrop({ onGranted }: { onGranted: (files: GrantedFile[]) => void }) {
  const files = useFiles()
  const openRef = useRef<() => void>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Error | null>(null)

  const receive = async (dropped: File[]) => {
    setBusy(true)
    setError(null)
    try {
      const granted: GrantedFile[] = []
      for (const file of dropped) granted.push(await files.upload(file))
      onGranted(granted)
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(false)
    }
  }

  const choose = async () => {
    if (!files.pick) return openRef.current?.()
    try {
      const picked = await files.pick()
      if (picked.length) onGranted(picked)
    } catch (err) {
      setError(err as Error)
    }
  }

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(f) => void receive(f)}
        onReject={(rejected) => setError(new Error(`${rejected.map((r) => r.file.name).join(', ')} cannot be imported. Use a spreadsheet, CSV, Access or SQLite file.`))}
        loading={busy}
        openRef={openRef}
        activateOnClick={false}
        multiple
        inputProps={{ 'aria-label': 'Files to import' }}
        aria-label="Drop files to import here"
      >
        <Group justify="center" mih={110} style={{ pointerEvents: 'none' }}>
          <Stack gap={4} align="center">
            <Text fw={600}>Drag spreadsheets or database files here</Text>
            <Text size="sm">CSV, Excel (.xlsx, .xls), Access (.mdb, .accdb), SQLite. Nothing is changed in your files.</Text>
          </Stack>
        </Group>
      </Dropzone>
      <Group>
        <Button variant="default" onClick={() => void choose()} disabled={busy}>
          Choose files…
        </Button>
      </Group>
      {error && <ErrorNotice title="the file could not be received" error={error} />}
    </Stack>
  )
}
