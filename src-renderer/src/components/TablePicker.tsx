/** Chooses one imported table (file and sheet) for the Data and Mapping screens. */
import { Select } from '@mantine/core'
import { useEffect } from 'react'
import type { SourceEntry } from '../../../src-main/contract'
import { formatCount } from '../format'

export function tableOptions(sources: SourceEntry[]) {
  return sources.flatMap((s) =>
    s.tables.map((t) => ({ value: String(t.id), label: `${s.fileName} › ${t.name} (${formatCount(t.rowCount)} rows)` })),
  )
}

export function TablePicker({ sources, tableId, onChange }: { sources: SourceEntry[]; tableId: number | null; onChange: (id: number) => void }) {
  const options = tableOptions(sources)
  const first = options[0]?.value
  const known = options.some((o) => o.value === String(tableId))
  useEffect(() => {
    if (!known && first) onChange(Number(first))
  }, [known, first, onChange])
  return (
    <Select
      label="Table"
      data={options}
      value={known ? String(tableId) : null}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      searchable
      w={520}
    />
  )
}
