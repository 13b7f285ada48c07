/**
 * A horizontally and vertically scrollable area for wide tables that keyboard users can focus and
 * scroll (Mantine's ScrollContainer is not focusable).
 */
import { Box } from '@mantine/core'
import type { ReactNode } from 'react'

export function ScrollTable({ label, maxHeight, children }: { label: string; maxHeight?: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflow: 'auto', maxHeight }}>
      {children}
    </Box>
  )
}
