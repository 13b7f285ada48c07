/** Shows one workflow screen; Data and Mapping share the selected table so they follow Sources. */
import { useState } from 'react'
import type { ExportResult, WorkspaceInfo } from '../../../src-main/contract'
import { DataScreen } from '../features/data/DataScreen'
import { ExportScreen } from '../features/export/ExportScreen'
import { IssuesScreen } from '../features/issues/IssuesScreen'
import { MappingStep } from '../features/mapping/MappingStep'
import { SourcesScreen } from '../features/sources/SourcesScreen'
import type { ScreenId } from './screens'

interface Props {
  screen: Exclude<ScreenId, 'start'>
  go: (s: ScreenId) => void
  workspace: WorkspaceInfo
  /** Export packs written to this workspace in this session, oldest first. */
  written: ExportResult[]
  onWritten: (result: ExportResult) => void
}

export function ScreenView({ screen, go, workspace, written, onWritten }: Props) {
  const [tableId, setTableId] = useState<number | null>(null)
  switch (screen) {
    case 'sources':
      return (
        <SourcesScreen
          onBrowse={(id) => {
            setTableId(id)
            go('data')
          }}
        />
      )
    case 'data':
      return <DataScreen tableId={tableId} selectTable={setTableId} onImport={() => go('sources')} />
    case 'mapping':
      return <MappingStep tableId={tableId} selectTable={setTableId} onIssues={() => go('issues')} />
    case 'issues':
      return <IssuesScreen />
    case 'export':
      return <ExportScreen workspace={workspace} written={written} onWritten={onWritten} onIssues={() => go('issues')} />
  }
}
