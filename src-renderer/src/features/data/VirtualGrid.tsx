/**
 * A read-only grid over any number of rows: only the visible rows are in the DOM, and rows are
 * fetched a page at a time as the user scrolls. Keyboard users focus the grid and scroll with the
 * arrow and page keys; ARIA grid roles carry the row numbers of the original sheet.
 */
import { Box, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface GridRow {
  /** The row number in the original file or sheet (1-based), shown to the user. */
  rowNumber: number
  cells: (string | null)[]
}

export interface VirtualGridProps {
  label: string
  columns: string[]
  rowCount: number
  pageSize?: number
  loadPage: (offset: number, limit: number) => Promise<GridRow[]>
  onError?: (error: Error) => void
}

const rowHeight = 32
const columnWidth = 170
const numberWidth = 80

export function VirtualGrid({ label, columns, rowCount, pageSize = 200, loadPage, onError }: VirtualGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const pages = useRef(new Map<number, GridRow[] | 'loading'>())
  const [, setVersion] = useState(0)
  useEffect(() => {
    pages.current = new Map()
    setVersion((v) => v + 1)
  }, [loadPage])

  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 })
  const items = virtualizer.getVirtualItems()

  const ensurePage = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return
      pages.current.set(page, 'loading')
      loadPage(page * pageSize, pageSize)
        .then((rows) => pages.current.set(page, rows))
        .catch((err: Error) => {
          pages.current.delete(page)
          onError?.(err)
        })
        .finally(() => setVersion((v) => v + 1))
    },
    [loadPage, pageSize, onError],
  )

  const first = items[0]?.index
  const last = items[items.length - 1]?.index
  useEffect(() => {
    if (first === undefined || last === undefined) return
    for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) ensurePage(p)
  }, [first, last, pageSize, ensurePage])

  const rowAt = (index: number): GridRow | undefined => {
    const page = pages.current.get(Math.floor(index / pageSize))
    return page === 'loading' || !page ? undefined : page[index % pageSize]
  }
  const width = numberWidth + columns.length * columnWidth

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length + 1}
      tabIndex={0}
      style={{ height: 460, overflow: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, width, background: 'var(--mantine-color-gray-1)' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'flex', height: rowHeight, fontWeight: 600 }}>
          <Cell header width={numberWidth}>Row</Cell>
          {columns.map((c) => (
            <Cell header key={c} width={columnWidth}>
              {c}
            </Cell>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((item) => {
          const row = rowAt(item.index)
          return (
            <div
              role="row"
              key={item.key}
              aria-rowindex={item.index + 2}
              style={{ display: 'flex', position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: rowHeight, width }}
            >
              <Cell width={numberWidth}>{row ? String(row.rowNumber) : '…'}</Cell>
              {columns.map((c, i) => (
                <Cell key={c} width={columnWidth}>
                  {row ? (row.cells[i] ?? '') : ''}
                </Cell>
              ))}
            </div>
          )
        })}
      </div>
    </Box>
  )
}

function Cell({ children, width, header = false }: { children: string; width: number; header?: boolean }) {
  return (
    <Text
      component="div"
      role={header ? 'columnheader' : 'gridcell'}
      size="sm"
      title={children}
      style={{ width, flex: 'none', padding: '6px 8px', borderBottom: '1px solid var(--mantine-color-gray-3)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
    >
      {children}
    </Text>
  )
}
