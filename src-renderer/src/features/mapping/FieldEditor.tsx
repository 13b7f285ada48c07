/**
 * Edits one field of the mapping: the MODS item, its source columns (none for a fixed value) and
 * the transforms, in order, with a live preview of sample values before and after.
 */
import { Button, Group, Modal, MultiSelect, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { FieldMapping, Transform, TransformOp } from '../../../../src-main/contract'
import type { ItemOption } from './catalogue-items'
import { FieldPreviewPanel } from './FieldPreviewPanel'
import { ItemBadges } from './ItemBadges'
import { ItemSelect } from './ItemSelect'
import { addStep, incompleteStep, moveStep, transformKinds } from './transform-ops'
import { TransformStep } from './TransformStep'
import type { LookupSheet } from './TransformStep'

export interface FieldDraft {
  dataset: string
  field: FieldMapping
}

interface Props {
  tableId: number
  title: string
  columns: string[]
  sheets: LookupSheet[]
  options: ItemOption[]
  /** The field as it is; element '' when a new item is being added. */
  initial: FieldDraft
  onSave: (draft: FieldDraft) => void
  onClose: () => void
}

export function FieldEditor({ tableId, title, columns, sheets, options, initial, onSave, onClose }: Props) {
  const [element, setElement] = useState(initial.field.element)
  const [sourceColumns, setSourceColumns] = useState(initial.field.columns)
  const [steps, setSteps] = useState<Transform[]>(initial.field.transforms)
  const [adding, setAdding] = useState<TransformOp | null>(null)
  const item = options.find((o) => o.value === element)
  const ready = item !== undefined && steps.every((s) => incompleteStep(s) === null) && (sourceColumns.length > 0 || steps.some((s) => s.op === 'constant'))
  const field: FieldMapping | null = ready ? { ...initial.field, element, columns: sourceColumns, transforms: steps } : null
  const present = new Set(steps.map((s) => s.op))

  return (
    <Modal opened onClose={onClose} title={title} size="80rem" closeButtonProps={{ 'aria-label': 'Close the transforms editor' }}>
      <Stack>
        <Group align="flex-end">
          <ItemSelect label="MODS item" options={options} value={element || null} onChange={(v) => setElement(v ?? '')} w={420} />
          <ItemBadges item={item} />
          <MultiSelect
            label="Source columns"
            description="Several columns are joined in this order; none for a fixed value"
            data={columns}
            value={sourceColumns}
            onChange={setSourceColumns}
            w={420}
            searchable
          />
        </Group>
        <section aria-labelledby="steps-heading">
          <Title order={3} size="h5" id="steps-heading" mb={4}>
            Transforms, applied in this order
          </Title>
          {steps.length === 0 ? (
            <Text size="sm">No transforms: the column text is used as it is, then checked against the item’s datatype.</Text>
          ) : (
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {steps.map((step, i) => (
                <TransformStep
                  key={`${i}-${step.op}`}
                  step={step}
                  index={i}
                  count={steps.length}
                  sheets={sheets}
                  onChange={(next) => setSteps(steps.map((s, j) => (j === i ? next : s)))}
                  onMove={(by) => setSteps(moveStep(steps, i, by))}
                  onRemove={() => setSteps(steps.filter((_, j) => j !== i))}
                />
              ))}
            </Stack>
          )}
          <Group align="flex-end" mt="xs">
            <Select
              label="Add a transform"
              placeholder="Choose a transform"
              data={transformKinds.map((k) => ({ value: k.op, label: k.label, disabled: (k.op === 'join' || k.op === 'constant') && present.has(k.op) }))}
              value={adding}
              onChange={(op) => setAdding(op as TransformOp | null)}
              w={280}
            />
            <Button
              variant="default"
              disabled={!adding}
              onClick={() => {
                const kind = transformKinds.find((k) => k.op === adding)
                if (kind) setSteps(addStep(steps, kind.create()))
                setAdding(null)
              }}
            >
              Add transform
            </Button>
          </Group>
        </section>
        <section aria-labelledby="field-preview-heading">
          <Title order={3} size="h5" id="field-preview-heading" mb={4}>
            Preview
          </Title>
          <FieldPreviewPanel tableId={tableId} field={field} />
        </section>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!field || !item} onClick={() => field && item && onSave({ dataset: item.dataset, field })}>
            Use these transforms
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
