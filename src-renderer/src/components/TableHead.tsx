/** The header row of a table whose columns are fixed: one plain column header each. */
import { Table } from '@mantine/core'
import type { ReactNode } from 'react'

export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => (
          <Table.Th key={i}>{c}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}
