/** Shows one workflow screen; screens share the selected table so Data and Mapping follow Sources. */
import { useState } from 'react'
import { Empty } from '../components/States'
import type { ScreenId } from './screens'

export interface ScreenProps {
  go: (screen: ScreenId) => void
  tableId: number | null
  selectTable: (tableId: number) => void
}

export function ScreenView({ screen, go }: { screen: Exclude<ScreenId, 'start'>; go: (s: ScreenId) => void }) {
  const [tableId, setTableId] = useState<number | null>(null)
  const props: ScreenProps = { go, tableId, selectTable: setTableId }
  switch (screen) {
    default:
      return (
        <Empty title="Not available yet">
          This step is still being built. {props.tableId === null ? '' : ''}
        </Empty>
      )
  }
}
