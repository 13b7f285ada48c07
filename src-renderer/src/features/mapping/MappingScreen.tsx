/**
 * Mapping: source columns beside suggested MODS items; correct any, compose transforms, edit value
 * maps and fixed values, save, preview, apply into MODS records, and save or load templates.
 * Unsaved edits are held here until "Save".
 */
import { Button, Group, Progress, Select, Stack, Tabs, Text, Title } from '@mantine/core'
import { useFocusReturn } from '@mantine/hooks'
import { useEffect, useMemo, useState } from 'react'
import type { ApplyResult, Mapping, PreviewDataset, TableMapping } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import { newJobId, useJobProgress, useQuery } from '../../api/hooks'
import { useUnsavedChanges } from '../../app/unsaved-changes'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { ApplyReport } from './ApplyReport'
import { itemOptions } from './catalogue-items'
import { ColumnMappingTable } from './ColumnMappingTable'
import { FixedValues } from './FixedValues'
import { BadgeLegend } from './ItemBadges'
import { assignColumn, removeField, replaceTable, setValueMap, tableOf } from './mapping-model'
import { PreviewPanel } from './PreviewPanel'
import { TemplatePanel } from './TemplatePanel'
import { useFieldEditing } from './useFieldEditing'
import { ValueMapEditor } from './ValueMapEditor'

export function MappingScreen({ tableId, onIssues }: { tableId: number; onIssues: () => void }) {
  const api = useApi()
  const catalogue = useQuery('mods.catalogue', {})
  const suggestions = useQuery('mapping.suggest', { tableId })
  const saved = useQuery('mapping.get', {})
  const [draft, setDraft] = useState<TableMapping | null>(null)
  // 'suggested': an unsaved draft of mapping.auto, which the next visit rebuilds the same, so only 'edited' asks before leaving.
  const [state, setState] = useState<'saved' | 'suggested' | 'edited'>('saved')
  const dirty = state !== 'saved'
  const [error, setError] = useState<Error | null>(null)
  const [valueMapFor, setValueMapFor] = useState<string | null>(null)
  // The editor is unmounted on close, so the Modal's own returnFocus never runs: return it from here.
  useFocusReturn({ opened: valueMapFor !== null })
  const [preview, setPreview] = useState<PreviewDataset[] | null>(null)
  const [applied, setApplied] = useState<{ result: ApplyResult; run: number } | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useJobProgress(jobId)
  const options = useMemo(() => (catalogue.data ? itemOptions(catalogue.data) : []), [catalogue.data])
  const items = useMemo(() => new Map(options.map((o) => [o.value, o])), [options])
  const labelOf = (id: string) => items.get(id)?.label ?? id
  const edit = (next: TableMapping) => (setDraft(next), setState('edited'))
  const fields = useFieldEditing({ tableId, draft, suggestions: suggestions.data, options, labelOf, onChange: edit })

  // Start from the saved mapping of this table, or a draft of the confident suggestions.
  useEffect(() => {
    if (!saved.data) return
    const existing = tableOf(saved.data, tableId)
    if (existing) return void (setDraft(existing), setState('saved'))
    api
      .call('mapping.auto', { tableIds: [tableId] })
      .then((auto: Mapping) => {
        setDraft(tableOf(auto, tableId) ?? { tableId, personKey: null, datasets: [] })
        setState('suggested')
      })
      .catch((err: Error) => setError(err))
  }, [api, saved.data, tableId])

  const act = async (what: () => Promise<void>) => {
    setError(null)
    try {
      await what()
    } catch (err) {
      setError(err as Error)
    }
  }
  const saveDraft = async () => {
    if (!draft || !saved.data) return
    await api.call('mapping.save', { mapping: replaceTable(saved.data, draft) })
    setState('saved')
    saved.reload()
  }
  const save = () => act(saveDraft)
  useUnsavedChanges(state === 'edited' && suggestions.data ? { what: `the mapping of ${suggestions.data.table}`, save: saveDraft } : null)
  const runPreview = () => act(async () => setPreview(await api.call('mapping.preview', { tableId, limit: 10 })))
  const apply = () =>
    act(async () => {
      const id = newJobId('apply')
      setJobId(id)
      try {
        const result = await api.call('mapping.apply', { jobId: id })
        setApplied((a) => ({ result, run: (a?.run ?? 0) + 1 }))
      } finally {
        setJobId(null)
      }
    })

  if (catalogue.loading || suggestions.loading || saved.loading || (!draft && !error)) return <Loading label="Suggesting MODS items for each column…" />
  const loadError = catalogue.error ?? suggestions.error ?? saved.error
  if (loadError) return <ErrorNotice title="could not prepare the mapping" error={loadError} onRetry={() => (suggestions.reload(), saved.reload(), catalogue.reload())} />
  if (!draft || !suggestions.data || !catalogue.data) return error ? <ErrorNotice title="could not draft a mapping" error={error} /> : null
  const suggestionFor = (column: string, element: string) => suggestions.data?.columns.find((c) => c.column === column)?.suggestions.find((s) => s.item === element)

  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>Mapping: {suggestions.data.table}</Title>
          <Text size="sm">
            MODS {catalogue.data.modsVersion} · catalogue {catalogue.data.catalogueVersion}
          </Text>
        </Stack>
        <Group>
          <Button onClick={() => void save()} disabled={!dirty}>
            Save mapping
          </Button>
          <Button variant="default" onClick={() => void runPreview()} disabled={dirty}>
            Preview
          </Button>
          <Button variant="filled" onClick={() => void apply()} disabled={dirty} loading={jobId !== null}>
            Apply mapping
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          label="Person key column"
          description="Identifies each person; other sheets link to people through it"
          data={suggestions.data.columns.map((c) => c.column)}
          value={draft.personKey}
          onChange={(personKey) => edit({ ...draft, personKey })}
          clearable
          placeholder="None"
          w={300}
        />
        <Text size="sm">
          {dirty ? 'You have unsaved changes. Save the mapping before previewing or applying.' : 'The mapping is saved.'} This sheet looks like: {suggestions.data.dataset ?? 'unknown'}.
        </Text>
      </Group>
      <BadgeLegend />
      {error && <ErrorNotice title="that did not work" error={error} />}
      {jobId && <Progress value={(progress?.fraction ?? 0) * 100} animated aria-label={`Applying: ${progress?.phase ?? 'starting'}`} />}
      {applied && <ApplyReport key={applied.run} result={applied.result} itemLabel={labelOf} onIssues={onIssues} />}
      <Tabs defaultValue="columns" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="columns">Columns</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="columns" pt="sm">
          <Stack>
            {suggestions.data.columns.length === 0 ? (
              <Empty title="No columns">This table has no columns to map.</Empty>
            ) : (
              <ColumnMappingTable
                suggestions={suggestions.data}
                table={draft}
                options={options}
                onAssign={(column, element) => {
                  const option = items.get(element ?? '')
                  edit(assignColumn(draft, column, option ? { element: option.value, dataset: option.dataset, transforms: suggestionFor(column, option.value)?.transforms ?? [] } : null))
                }}
                onAddItem={fields.addFromColumn}
                onEdit={fields.editField}
                onRemove={(element) => edit(removeField(draft, element))}
                onValueMap={setValueMapFor}
              />
            )}
            <FixedValues table={draft} items={items} onAdd={fields.addFixed} onEdit={fields.editField} onRemove={(element) => edit(removeField(draft, element))} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="sm">
          {preview ? <PreviewPanel datasets={preview} items={items} /> : <Empty title="No preview yet">Save the mapping, then choose “Preview”.</Empty>}
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="sm">
          <TemplatePanel onImported={saved.reload} />
        </Tabs.Panel>
      </Tabs>
      {fields.editor}
      {valueMapFor && (
        <ValueMapEditor
          tableId={tableId}
          draft={draft}
          element={valueMapFor}
          itemLabel={labelOf(valueMapFor)}
          onClose={() => setValueMapFor(null)}
          onSave={(map) => {
            edit(setValueMap(draft, valueMapFor, map))
            setValueMapFor(null)
          }}
        />
      )}
    </Stack>
  )
}
