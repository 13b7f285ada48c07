/** Loading, empty and error states shared by every screen, so each says what happened and what to do. */
import { Alert, Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label}</Text>
      </Stack>
    </Center>
  )
}

export function ErrorNotice({ title, error, onRetry }: { title: string; error: Error; onRetry?: () => void }) {
  return (
    <Alert color="red" title={`Problem: ${title}`} role="alert" variant="light">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

export function Empty({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState title={title} description={children} py="xl">
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  )
}
