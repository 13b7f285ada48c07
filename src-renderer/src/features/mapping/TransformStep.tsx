/** One step of a field's pipeline: its options, and buttons to move it up or down or remove it. */
import { ActionIcon, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import type { Transform } from '../../../../src-main/contract'
import { incompleteStep, kindOf } from './transform-ops'

export interface LookupSheet {
  name: string
  columns: string[]
}

interface Props {
  step: Transform
  index: number
  count: number
  sheets: LookupSheet[]
  onChange: (step: Transform) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}

function Options({ step, sheets, onChange, name }: Pick<Props, 'step' | 'sheets' | 'onChange'> & { name: string }) {
  switch (step.op) {
    case 'case':
      return (
        <SegmentedControl
          aria-label={`${name}: case`}
          size="xs"
          value={step.to}
          onChange={(to) => onChange({ ...step, to: to as typeof step.to })}
          data={[
            { value: 'upper', label: 'UPPER' },
            { value: 'lower', label: 'lower' },
            { value: 'title', label: 'Title Case' },
          ]}
        />
      )
    case 'join':
      return <TextInput size="xs" label="Separator" value={step.separator} onChange={(e) => onChange({ ...step, separator: e.currentTarget.value })} w={120} maxLength={10} />
    case 'split-name':
      return (
        <SegmentedControl
          aria-label={`${name}: part of the name`}
          size="xs"
          value={step.part}
          onChange={(part) => onChange({ ...step, part: part as typeof step.part })}
          data={[
            { value: 'title', label: 'Title' },
            { value: 'given', label: 'Given name' },
            { value: 'middle', label: 'Middle names' },
            { value: 'family', label: 'Family name' },
          ]}
        />
      )
    case 'uk-date':
      return (
        <Group align="flex-end" gap="sm">
          <Select
            size="xs"
            label="Day/month order"
            value={step.order}
            allowDeselect={false}
            onChange={(order) => order && onChange({ ...step, order: order as typeof step.order })}
            data={[
              { value: 'auto', label: 'Decide from the values' },
              { value: 'dmy', label: 'Day first (dd/mm/yyyy)' },
              { value: 'mdy', label: 'Month first (mm/dd/yyyy)' },
              { value: 'ymd', label: 'Year first (yyyy-mm-dd)' },
            ]}
            w={220}
          />
          <NumberInput
            size="xs"
            label="Two-digit years up to"
            description="are 20xx; later ones 19xx"
            value={step.pivotYear}
            min={0}
            max={99}
            clampBehavior="strict"
            onChange={(v) => typeof v === 'number' && onChange({ ...step, pivotYear: v })}
            w={160}
          />
          <Select
            size="xs"
            label="Excel date system"
            value={step.excelSystem}
            allowDeselect={false}
            onChange={(s) => s && onChange({ ...step, excelSystem: s as typeof step.excelSystem })}
            data={[
              { value: '1900', label: '1900 (Windows)' },
              { value: '1904', label: '1904 (old Mac)' },
            ]}
            w={150}
          />
        </Group>
      )
    case 'lookup': {
      const sheet = sheets.find((s) => s.name === step.table)
      return (
        <Group align="flex-end" gap="sm">
          <Select size="xs" label="Sheet" value={step.table || null} data={sheets.map((s) => s.name)} onChange={(table) => onChange({ ...step, table: table ?? '', keyColumn: '', valueColumn: '' })} w={200} />
          <Select size="xs" label="Key column" value={step.keyColumn || null} data={sheet?.columns ?? []} onChange={(c) => onChange({ ...step, keyColumn: c ?? '' })} w={180} />
          <Select size="xs" label="Take the value of" value={step.valueColumn || null} data={sheet?.columns ?? []} onChange={(c) => onChange({ ...step, valueColumn: c ?? '' })} w={180} />
        </Group>
      )
    }
    case 'constant':
      return <TextInput size="xs" label="Value for every row" value={step.value} onChange={(e) => onChange({ ...step, value: e.currentTarget.value })} w={240} maxLength={1000} />
    default:
      return null
  }
}

export function TransformStep({ step, index, count, sheets, onChange, onMove, onRemove }: Props) {
  const kind = kindOf(step.op)
  const name = `Step ${index + 1}, ${kind.label}`
  const missing = incompleteStep(step)
  return (
    <Paper withBorder p="xs" component="li" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {index + 1}. {kind.label}
          </Text>
          <Text size="xs">{kind.help}</Text>
          <Options step={step} sheets={sheets} onChange={onChange} name={name} />
          {missing && (
            <Text size="xs" c="red.9">
              ⚠ {missing}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="default" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </ActionIcon>
          <ActionIcon variant="default" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
            ✕
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  )
}
