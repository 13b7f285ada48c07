/**
 * A searchable picker of MODS items whose options carry the catalogue's badges (unconfirmed,
 * safety-critical). Item names can be longer than the box, so options wrap and the chosen item's
 * full name shows in a tooltip on hover and focus (above the box, clear of the list).
 */
import { Group, Select, Tooltip } from '@mantine/core'
import type { SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import type { ItemOption } from './catalogue-items'
import { ItemBadges } from './ItemBadges'

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'renderOption'> & {
  options: ItemOption[]
  value: string | null
  onChange: (value: string | null) => void
}

export function ItemSelect({ options, value, onChange, ...rest }: Props) {
  const byId = useMemo(() => new Map(options.map((o) => [o.value, o])), [options])
  const chosen = value === null ? undefined : byId.get(value)?.label
  return (
    <Tooltip label={chosen} disabled={!chosen} events={{ hover: true, focus: true, touch: false }} multiline maw={420} openDelay={300}>
      <Select
        data={options}
        searchable
        placeholder="Not mapped"
        allowDeselect={false}
        limit={50}
        comboboxProps={{ withinPortal: true }}
        {...rest}
        value={value}
        onChange={onChange}
        renderOption={({ option }) => (
          <Group gap={6} wrap="wrap">
            <span>{option.label}</span>
            <ItemBadges item={byId.get(option.value)} />
          </Group>
        )}
      />
    </Tooltip>
  )
}
