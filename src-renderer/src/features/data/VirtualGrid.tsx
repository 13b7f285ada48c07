/**
 * A read-only grid over any number of rows: only the visible rows are in the DOM, and rows are
 * fetched a page at a time as the user scrolls. Keyboard users focus the grid and scroll with the
 * arrow and page keys; ARIA grid roles carry the row numbers of the original sheet.
 */
import { Box, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface GridRow {
  /** The row number in the original file or sheet (1-based), shown to the user. */
  rowNumber: number
  cells: (string | null)[]
}

export interface GridSort {
  /** Column index, or -1 for the row number. */
  column: number
  direction: 'asc' | 'desc'
}

export interface VirtualGridProps {
  label: string
  columns: string[]
  sort?: GridSort | null
  /** When given, column headers become buttons that sort by that column. */
  onSort?: (column: number) => void
  rowCount: number
  pageSize?: number
  loadPage: (offset: number, limit: number) => Promise<GridRow[]>
  onError?: (error: Error) => void
}

const rowHeight = 32
const columnWidth = 170
const numberWidth = 80

export function VirtualGrid({ label, columns, sort = null, onSort, rowCount, pageSize = 200, loadPage, onError }: VirtualGridProps) {
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
          <HeaderCell label="Row" index={-1} width={numberWidth} sort={sort} onSort={onSort} />
          {columns.map((c, i) => (
            <HeaderCell key={c} label={c} index={i} width={columnWidth} sort={sort} onSort={onSort} />
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

const cellStyle = { flex: 'none', padding: '6px 8px', borderBottom: '1px solid var(--mantine-color-gray-3)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const

interface HeaderCellProps {
  label: string
  index: number
  width: number
  sort: GridSort | null
  onSort: ((column: number) => void) | undefined
}

function HeaderCell({ label, index, width, sort, onSort }: HeaderCellProps) {
  const direction = sort?.column === index ? sort.direction : null
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
  return (
    <div role="columnheader" aria-sort={onSort ? ariaSort : undefined} style={{ ...cellStyle, width, padding: 0 }}>
      {onSort ? (
        <UnstyledButton className="grid-sort-button" onClick={() => onSort(index)} w="100%" px={8} py={6} fw={600} fz="sm" title={`Sort by ${label}`}>
          {label} <span aria-hidden>{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}</span>
        </UnstyledButton>
      ) : (
        <Text size="sm" fw={600} px={8} py={6}>
          {label}
        </Text>
      )}
    </div>
  )
}

function Cell({ children, width }: { children: string; width: number }) {
  return (
    <Text
      component="div"
      role="gridcell"
      size="sm"
      title={children}
      style={{ ...cellStyle, width }}
    >
      {children}
    </Text>
  )
}
