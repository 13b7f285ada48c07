/** Issues: run the quality checks, see counts by severity and rule, and a filtered list pointing at source rows. */
import { Alert, Button, Card, Group, Pagination, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { QualitySummary, Severity } from '../../../../src-main/contract'
import { useApi } from '../../api/ApiProvider'
import { newJobId, useJobProgress, useQuery, useReloadOn } from '../../api/hooks'
import { Empty, ErrorNotice, Loading } from '../../components/States'
import { formatCount, formatDateTime } from '../../format'
import { IssueList } from './IssueList'
import { severityLabels } from './severity'

const pageSize = 100

function SeverityCounts({ summary }: { summary: QualitySummary }) {
  return (
    <SimpleGrid cols={3} aria-label="Open issues by severity">
      {(['error', 'warning', 'info'] as const).map((s) => (
        <Card key={s} withBorder padding="sm">
          <Text size="sm" fw={600} c={severityLabels[s].color}>
            {severityLabels[s].icon} {severityLabels[s].plural}
          </Text>
          <Text size="xl" fw={700} aria-label={`${severityLabels[s].plural}: ${summary.bySeverity[s]}`}>
            {formatCount(summary.bySeverity[s])}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  )
}

export function IssuesScreen() {
  const api = useApi()
  const summary = useQuery('quality.summary', {})
  const [severity, setSeverity] = useState<Severity | 'all'>('all')
  const [ruleId, setRuleId] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const filter = { ...(severity === 'all' ? {} : { severity }), ...(ruleId ? { ruleId } : {}), offset: (page - 1) * pageSize, limit: pageSize }
  const issues = useQuery('quality.issues', filter)
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useJobProgress(jobId)
  const [runError, setRunError] = useState<Error | null>(null)
  const reloadAll = () => {
    summary.reload()
    issues.reload()
  }
  useReloadOn('quality', reloadAll)

  const runChecks = async () => {
    const id = newJobId('quality')
    setJobId(id)
    setRunError(null)
    try {
      await api.call('quality.run', { jobId: id })
      reloadAll()
    } catch (err) {
      setRunError(err as Error)
    } finally {
      setJobId(null)
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Issues</Title>
        <Button onClick={() => void runChecks()} loading={jobId !== null}>
          Run checks
        </Button>
      </Group>
      {jobId && (
        <Progress value={(progress?.fraction ?? 0) * 100} animated aria-label={`Checking: ${progress?.phase ?? 'starting'}`} />
      )}
      {runError && <ErrorNotice title="the checks did not run" error={runError} />}
      {summary.loading ? (
        <Loading label="Counting issues…" />
      ) : summary.error ? (
        <ErrorNotice title="could not read the issue counts" error={summary.error} onRetry={summary.reload} />
      ) : summary.data && summary.data.ranAt === null ? (
        <Empty title="Checks have not run yet">Apply a mapping on the Mapping step, then choose “Run checks”.</Empty>
      ) : summary.data ? (
        <>
          <Text size="sm">
            {formatCount(summary.data.total)} open issues in {formatCount(summary.data.recordsChecked)} records, checked {formatDateTime(summary.data.ranAt)}.
          </Text>
          {summary.data.outOfDate && (
            <Alert color="yellow" title="These results may be out of date" role="status">
              The mapping was applied, or a file removed, after the checks ran. Choose “Run checks” to see the issues of the records as they are now. An export runs the checks again itself.
            </Alert>
          )}
          <SeverityCounts summary={summary.data} />
          <Group align="flex-end">
            <SegmentedControl
              aria-label="Severity"
              value={severity}
              onChange={(v) => {
                setSeverity(v as Severity | 'all')
                setPage(1)
              }}
              data={[
                { value: 'all', label: 'All' },
                { value: 'error', label: 'Errors' },
                { value: 'warning', label: 'Warnings' },
                { value: 'info', label: 'Information' },
              ]}
            />
            <Select
              label="Rule"
              placeholder="All rules"
              clearable
              value={ruleId}
              onChange={(v) => {
                setRuleId(v)
                setPage(1)
              }}
              data={summary.data.byRule.map((r) => ({ value: r.ruleId, label: `${r.title} (${formatCount(r.count)})` }))}
              w={360}
            />
          </Group>
          {issues.loading ? (
            <Loading label="Loading issues…" />
          ) : issues.error ? (
            <ErrorNotice title="could not list the issues" error={issues.error} onRetry={issues.reload} />
          ) : !issues.data?.issues.length ? (
            <Empty title="No open issues here">Nothing matches this filter. Choose “All” to see every open issue.</Empty>
          ) : (
            <>
              <IssueList issues={issues.data.issues} />
              {issues.data.total > pageSize && (
                <Pagination total={Math.ceil(issues.data.total / pageSize)} value={page} onChange={setPage} aria-label="Issue pages" />
              )}
            </>
          )}
        </>
      ) : null}
    </Stack>
  )
}
