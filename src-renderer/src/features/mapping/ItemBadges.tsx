/**
 * The catalogue's warnings about an item, as words (not colour alone): "Unconfirmed" when its
 * details could not be confirmed from the published standard, "Safety-critical" when errors matter most.
 */
import { Badge, Group, Tooltip, VisuallyHidden } from '@mantine/core'
import type { ItemOption } from './catalogue-items'
import { safetyCriticalHelp, unconfirmedHelp } from './catalogue-items'

export function ItemBadges({ item }: { item: Pick<ItemOption, 'confirmed' | 'safetyCritical'> | undefined }) {
  if (!item || (item.confirmed && !item.safetyCritical)) return null
  return (
    <Group gap={4} component="span" display="inline-flex" wrap="nowrap">
      {!item.confirmed && (
        <Tooltip label={unconfirmedHelp} withArrow>
          <Badge component="span" size="xs" variant="light" color="orange" radius="sm" data-badge="unconfirmed">
            Unconfirmed
            <VisuallyHidden>: {unconfirmedHelp.replace(/^D/, 'd')}</VisuallyHidden>
          </Badge>
        </Tooltip>
      )}
      {item.safetyCritical && (
        <Tooltip label={safetyCriticalHelp} withArrow>
          <Badge component="span" size="xs" variant="light" color="red" radius="sm" data-badge="safety-critical">
            Safety-critical
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}

/** A line explaining the badges once per screen, so keyboard and touch users need no tooltip. */
export function BadgeLegend() {
  return (
    <Group gap="xs" fz="xs">
      <ItemBadges item={{ confirmed: false, safetyCritical: false }} /> {unconfirmedHelp}.
      <ItemBadges item={{ confirmed: true, safetyCritical: true }} /> Errors in these items can harm the person.
    </Group>
  )
}
