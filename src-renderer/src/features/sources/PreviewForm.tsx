/**
 * What the engine detected about a file (format, encoding, delimiter, sheets, header row) with every
 * setting editable, and the first rows as they would be imported.
 */
import { Badge, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import type { SourceOptions, SourcePreview } from '../../../../src-main/contract'
import { formatBytes } from '../../format'
import { ScrollTable } from '../../components/ScrollTable'
import { TableHead } from '../../components/TableHead'

const encodings = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be']
const delimiters = [
  { value: ',', label: 'Comma (,)', name: 'comma' },
  { value: ';', label: 'Semicolon (;)', name: 'semicolon' },
  { value: '\t', label: 'Tab', name: 'tab' },
  { value: '|', label: 'Pipe (|)', name: 'pipe' },
]

/** The engine names the delimiter it detected ("comma"); the box lists characters. */
function delimiterChar(detected: string | null): string | null {
  return delimiters.find((d) => d.name === detected)?.value ?? null
}
const textFormats = new Set(['csv'])

interface Props {
  preview: SourcePreview
  options: SourceOptions
  onChange: (options: SourceOptions) => void
  onRefresh: () => void
  refreshing: boolean
}

export function PreviewForm({ preview, options, onChange, onRefresh, refreshing }: Props) {
  const isText = textFormats.has(preview.format)
  const hasSheets = preview.sheets.length > 1 || preview.sheets.some((s) => s.sheet !== null)
  const chosenSheets = options.sheets ?? preview.sheets.map((s) => s.name)
  // Each sheet has its own header row: the box shows and changes the one of the sheet on view.
  const [active, setActive] = useState(preview.sheets[0]?.name ?? '')
  const shown = preview.sheets.find((s) => s.name === active) ?? preview.sheets[0]
  const headerRow = (shown && (options.headerRows?.[shown.name] ?? options.headerRow ?? shown.headerRow)) ?? 1
  const setHeaderRow = (v: number | undefined) => {
    if (!shown || !hasSheets) return onChange({ ...options, headerRow: v })
    const { [shown.name]: _old, ...others } = options.headerRows ?? {}
    onChange({ ...options, headerRows: v === undefined ? others : { ...others, [shown.name]: v } })
  }
  return (
    <Stack>
      <Group gap="xs">
        <Badge variant="light">Format: {preview.format}</Badge>
        <Badge variant="light" color="gray">
          Size: {formatBytes(preview.sizeBytes)}
        </Badge>
      </Group>
      <Group align="flex-end">
        {isText && (
          <Select
            label="Character encoding"
            data={[...new Set([...(preview.encoding ? [preview.encoding] : []), ...encodings])]}
            value={options.encoding ?? preview.encoding}
            onChange={(v) => onChange({ ...options, encoding: v ?? undefined })}
            w={200}
          />
        )}
        {isText && (
          <Select
            label="Delimiter"
            data={delimiters.map(({ value, label }) => ({ value, label }))}
            value={options.delimiter ?? delimiterChar(preview.delimiter)}
            onChange={(v) => onChange({ ...options, delimiter: v ?? undefined })}
            w={180}
          />
        )}
        <NumberInput
          label={hasSheets && shown ? `Header row of ${shown.name} (0 = none)` : 'Header row (0 = no header)'}
          min={0}
          value={headerRow}
          onChange={(v) => setHeaderRow(typeof v === 'number' ? v : undefined)}
          w={240}
        />
        <Button variant="default" onClick={onRefresh} loading={refreshing}>
          Update preview
        </Button>
      </Group>
      {hasSheets && (
        <Checkbox.Group label="Sheets to import" value={chosenSheets} onChange={(sheets) => onChange({ ...options, sheets })}>
          <Group mt="xs">
            {preview.sheets.map((s) => (
              <Checkbox key={s.name} value={s.name} label={`${s.name}${s.hidden ? ' (hidden sheet)' : ''}`} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {preview.warnings.map((w) => (
        <Text key={w} size="sm">
          Note: {w}
        </Text>
      ))}
      <Tabs value={shown?.name ?? null} onChange={(v) => setActive(v ?? '')}>
        <Tabs.List>
          {preview.sheets.map((s) => (
            <Tabs.Tab key={s.name} value={s.name}>
              {s.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {preview.sheets.map((s) => (
          <Tabs.Panel key={s.name} value={s.name} pt="xs">
            {s.warnings.map((w) => (
              <Text key={w} size="sm">
                Note: {w}
              </Text>
            ))}
            <ScrollTable label={`First rows of ${s.name} (scrollable)`} maxHeight={300}>
              <Table striped aria-label={`First rows of ${s.name}`} fz="xs">
                <TableHead columns={['Row', ...s.columns]} />
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={r.rowNumber}>
                      <Table.Td>{r.rowNumber}</Table.Td>
                      {s.columns.map((c, i) => (
                        <Table.Td key={`${i}-${c}`}>{r.cells[i] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
