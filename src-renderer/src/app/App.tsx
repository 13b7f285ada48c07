/** The application frame: header, workflow navigation, and the current screen. */
import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { ExportResult, WorkspaceInfo } from '../../../src-main/contract'
import { useQuery } from '../api/hooks'
import { StartScreen } from '../features/start/StartScreen'
import { ScreenView } from './ScreenView'
import { screens } from './screens'
import type { ScreenId } from './screens'
import { UnsavedChangesProvider, useGuard } from './unsaved-changes'

export function App() {
  return (
    <UnsavedChangesProvider>
      <Workflow />
    </UnsavedChangesProvider>
  )
}

function Workflow() {
  const [screen, setScreen] = useState<ScreenId>('start')
  const guard = useGuard()
  const session = useQuery('session.info', {})
  // Track the workspace from create/open replies too, so a failing session.info never locks the user out.
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null)
  useEffect(() => {
    if (session.data) setWorkspace(session.data.workspace)
  }, [session.data])
  // The API keeps no list of earlier packs, so the session's own are kept here (Export unmounts on leaving).
  const [packs, setPacks] = useState<{ workspaceId: string; result: ExportResult }[]>([])
  const go = (id: ScreenId) => guard(() => setScreen(id))

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            MODS Migrate
          </Title>
          {workspace ? (
            <Badge size="lg" variant="light" aria-label={`Open workspace: ${workspace.name}`}>
              Workspace: {workspace.name}
            </Badge>
          ) : (
            <Text size="sm">No workspace open</Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Steps">
        {screens.map((s, i) => {
          const disabled = s.id !== 'start' && !workspace
          return (
            <NavLink
              key={s.id}
              component="button"
              label={`${i + 1}. ${s.label}`}
              description={disabled ? 'Open a workspace first' : s.hint}
              active={screen === s.id}
              aria-current={screen === s.id ? 'page' : undefined}
              disabled={disabled}
              onClick={() => go(s.id)}
            />
          )
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        {screen === 'start' || !workspace ? (
          <StartScreen session={session} onOpened={(ws) => {
              setWorkspace(ws)
              session.reload()
              go('sources')
            }} />
        ) : (
          <ScreenView
            screen={screen}
            go={go}
            workspace={workspace}
            written={packs.filter((p) => p.workspaceId === workspace.id).map((p) => p.result)}
            onWritten={(result) => setPacks((all) => [...all, { workspaceId: workspace.id, result }])}
          />
        )}
      </AppShell.Main>
    </AppShell>
  )
}
