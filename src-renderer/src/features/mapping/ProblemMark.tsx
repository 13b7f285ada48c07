/** A value that fails its datatype or has no code: a text marker and a tinted cell, never colour alone. */
import { Text } from '@mantine/core'
import type { CSSProperties } from 'react'

export const problemCellStyle: CSSProperties = { background: 'var(--mantine-color-red-light)' }

export function ProblemMark({ message, raw }: { message: string; raw?: string | null }) {
  return (
    <Text size="xs" c="red.9" component="span" display="block">
      <strong>⚠ Problem:</strong> {message}
      {raw !== undefined && ` (was “${raw ?? ''}”)`}
    </Text>
  )
}
