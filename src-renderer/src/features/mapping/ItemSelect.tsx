/** A searchable picker of MODS items whose options carry the catalogue's badges (unconfirmed, safety-critical). */
import { Group, Select } from '@mantine/core'
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
  return (
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
        <Group gap={6} wrap="nowrap">
          <span>{option.label}</span>
          <ItemBadges item={byId.get(option.value)} />
        </Group>
      )}
    />
  )
}
