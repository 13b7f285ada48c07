/**
 * Live preview of one field while its transforms are edited: sample values before and after,
 * counts over the whole sheet, and the UK date resolver's decision as the engine reports it.
 */
import { Alert, List, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { FieldMapping, FieldPreview, FieldPreviewRow } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import { ErrorNotice, Loading } from '../../components/States'
import { formatCount, formatValue, plural } from '../../format'
import { ProblemMark, problemCellStyle } from './ProblemMark'
import { TableHead } from '../../components/TableHead'

const orderWords = { dmy: 'day first (dd/mm/yyyy)', mdy: 'month first (mm/dd/yyyy)', ymd: 'year first (yyyy-mm-dd)' }

function SampleTable({ label, rows }: { label: string; rows: FieldPreviewRow[] }) {
  return (
    <Table aria-label={label} withTableBorder>
      <TableHead columns={['Row', 'In the sheet', 'After the transforms', 'MODS value']} />
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.rowNumber}>
            <Table.Td>{r.rowNumber}</Table.Td>
            <Table.Td ff="monospace">{r.raw ?? '(blank)'}</Table.Td>
            <Table.Td ff="monospace">{r.text ?? '—'}</Table.Td>
            <Table.Td style={r.problem ? problemCellStyle : undefined}>
              {r.problem ? <ProblemMark message={r.problem} /> : formatValue(r.value)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function DateDecisions({ preview }: { preview: FieldPreview }) {
  return preview.dates.map((d, i) => (
    <Alert key={i} color="blue" title={`UK date: read as ${orderWords[d.order]}`} variant="light">
      <List size="xs">
        {d.reasoning.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {d.counts.unparseable > 0 && (
        <Text size="xs" mt={4}>
          {plural(d.counts.unparseable, 'value')} could not be read, for example: {d.unparseableExamples.map((e) => `“${e}”`).join(', ')}. They are
          reported as issues, never guessed.
        </Text>
      )}
    </Alert>
  ))
}

export function FieldPreviewPanel({ tableId, field }: { tableId: number; field: FieldMapping | null }) {
  const api = useApi()
  const [state, setState] = useState<{ preview?: FieldPreview; error?: Error; loading: boolean }>({ loading: false })
  const key = field ? JSON.stringify(field) : null
  useEffect(() => {
    if (key === null) return
    let live = true
    setState((s) => ({ ...s, loading: true }))
    // Wait for typing to pause before asking the engine again.
    const timer = setTimeout(() => {
      api
        .call('mapping.previewField', { tableId, field: JSON.parse(key) as FieldMapping, limit: 8 })
        .then((preview) => live && setState({ preview, loading: false }))
        .catch((error: Error) => live && setState({ error, loading: false }))
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, tableId, key])

  if (key === null) return <Text size="sm">Choose a MODS item to see a preview.</Text>
  if (state.error) return <ErrorNotice title="the preview could not run" error={state.error} />
  const p = state.preview
  if (!p) return <Loading label="Running the transforms on sample rows…" />
  const c = p.counts
  return (
    <Stack gap="xs" aria-busy={state.loading} aria-live="polite">
      <Text size="sm">
        Over all {formatCount(c.rows)} rows: {plural(c.values, 'value')}, {formatCount(c.empty)} blank, {formatCount(c.invalid)} failing their datatype,{' '}
        {formatCount(c.unmapped)} without a code.
      </Text>
      <DateDecisions preview={p} />
      {p.rows.length === 0 ? <Text size="sm">No row has a value in these columns.</Text> : <SampleTable label="Preview of sample values" rows={p.rows} />}
      {p.problemRows.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Further rows that fail
          </Text>
          <SampleTable label="Rows that fail" rows={p.problemRows} />
        </>
      )}
    </Stack>
  )
}
