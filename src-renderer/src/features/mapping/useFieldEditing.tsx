/** Opens the transforms editor for a mapped field, a new item from a column, or a new fixed value. */
import { useFocusReturn } from '@mantine/hooks'
import { useState } from 'react'
import type { ReactNode } from 'react'
import type { TableMapping, TableSuggestions } from '../../../../src-main/contract'
import { useQuery } from '../../api/hooks'
import type { ItemOption } from './catalogue-items'
import type { FieldDraft } from './FieldEditor'
import { FieldEditor } from './FieldEditor'
import { columnFields, putField } from './mapping-model'

interface Editing {
  title: string
  initial: FieldDraft
}

interface Options {
  tableId: number
  draft: TableMapping | null
  suggestions: TableSuggestions | undefined
  options: ItemOption[]
  labelOf: (id: string) => string
  onChange: (next: TableMapping) => void
}

export function useFieldEditing({ tableId, draft, suggestions, options, labelOf, onChange }: Options): {
  editField: (element: string) => void
  addFromColumn: (column: string) => void
  addFixed: () => void
  editor: ReactNode
} {
  const sources = useQuery('sources.list', {})
  const [editing, setEditing] = useState<Editing | null>(null)
  // The editor is unmounted on close, so the Modal's own returnFocus never runs: return it to the opening button.
  useFocusReturn({ opened: editing !== null })
  const sheets = (sources.data ?? []).flatMap((s) => s.tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })))

  const editField = (element: string) => {
    const found = draft?.datasets.flatMap((ds) => ds.fields.map((field) => ({ dataset: ds.dataset, field }))).find((a) => a.field.element === element)
    if (!found) return
    const source = found.field.columns.length ? found.field.columns.join(' + ') : 'fixed value'
    setEditing({ title: `Transforms: ${source} → ${labelOf(element)}`, initial: found })
  }
  const addFromColumn = (column: string) => {
    if (!draft) return
    const taken = new Set((columnFields(draft).get(column) ?? []).map((a) => a.field.element))
    // Offer the next suggestion for this column (e.g. the given name after the family name of a full name).
    const next = suggestions?.columns.find((c) => c.column === column)?.suggestions.find((s) => !taken.has(s.item))
    setEditing({
      title: `Another item from ${column}`,
      initial: { dataset: next?.dataset ?? '', field: { element: next?.item ?? '', columns: [column], transforms: next?.transforms ?? [] } },
    })
  }
  const addFixed = () => setEditing({ title: 'Add a fixed value', initial: { dataset: '', field: { element: '', columns: [], transforms: [{ op: 'constant', value: '' }] } } })

  const editor =
    editing && draft ? (
      <FieldEditor
        tableId={tableId}
        title={editing.title}
        columns={suggestions?.columns.map((c) => c.column) ?? []}
        sheets={sheets}
        options={options}
        initial={editing.initial}
        onClose={() => setEditing(null)}
        onSave={(d) => {
          onChange(putField(draft, d.dataset, d.field, editing.initial.field.element || undefined))
          setEditing(null)
        }}
      />
    ) : null
  return { editField, addFromColumn, addFixed, editor }
}
