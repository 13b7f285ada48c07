/** Shows one workflow screen; Data and Mapping share the selected table so they follow Sources. */
import { useState } from 'react'
import { DataScreen } from '../features/data/DataScreen'
import { ExportScreen } from '../features/export/ExportScreen'
import { IssuesScreen } from '../features/issues/IssuesScreen'
import { MappingStep } from '../features/mapping/MappingStep'
import { SourcesScreen } from '../features/sources/SourcesScreen'
import type { ScreenId } from './screens'

export function ScreenView({ screen, go }: { screen: Exclude<ScreenId, 'start'>; go: (s: ScreenId) => void }) {
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
      return <ExportScreen onIssues={() => go('issues')} />
  }
}
