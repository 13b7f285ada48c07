/** Asks what to do with unsaved work before leaving it: Save, Discard, or Stay (the safe choice, focused first). */
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { ErrorNotice } from '../components/States'

interface Props {
  /** What is unsaved ("the mapping of Residents"); null when the dialog is closed. */
  what: string | null
  onSave: () => Promise<void>
  onDiscard: () => void
  onStay: () => void
}

export function UnsavedChangesDialog({ what, onSave, onDiscard, onStay }: Props) {
  // Keep the last text while the dialog fades out, so it does not flash empty.
  const [shown, setShown] = useState(what)
  if (what !== null && what !== shown) setShown(what)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const close = (then: () => void) => {
    setError(null)
    then()
  }
  const save = async () => {
    setSaving(true)
    setError(null)
    try {
      await onSave()
    } catch (err) {
      setError(err as Error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={what !== null} onClose={() => close(onStay)} title="Unsaved changes" closeButtonProps={{ 'aria-label': 'Stay on this page' }}>
      <Stack>
        <Text>You have unsaved changes to {shown}.</Text>
        {error && <ErrorNotice title="the changes could not be saved" error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => close(onStay)} data-autofocus>
            Stay
          </Button>
          <Button variant="light" color="red" onClick={() => close(onDiscard)} disabled={saving}>
            Discard
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
