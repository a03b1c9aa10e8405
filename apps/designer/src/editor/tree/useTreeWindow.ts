import { useVirtualizer } from '@tanstack/react-virtual'
import { type RefObject, useLayoutEffect, useState } from 'react'

// A row's height before it is measured (one line of text with its padding).
const ROW_PX = 27
// Rows rendered beyond the visible ones, each way: a short form (the templates have under 60
// rows) is rendered whole, and keyboard moves rarely reach an unrendered row.
const OVERSCAN = 40

/** The rows of the tree worth rendering: which, and the space above and below them. */
export interface TreeWindow {
  /** Indexes of the rows to render, in order. */
  indexes: number[]
  padTop: number
  padBottom: number
  /** Ref for a rendered row (with `data-index`), so its real height is used. */
  measure: (element: Element | null) => void
  /** Scrolls a row into the window (it may not be rendered yet). */
  scrollTo: (index: number) => void
}

/**
 * Windowing for the tree (@tanstack/react-virtual): of 500 questions only the rows around the
 * visible ones are rendered, so an edit renders tens of rows, not hundreds. The scroll container
 * is the editor's left column, where the toolbox sits above the tree: `start` (a marker before
 * the first row) gives the rows' offset in it.
 */
export function useTreeWindow(
  count: number,
  keyOf: (index: number) => string,
  start: RefObject<HTMLElement | null>,
): TreeWindow {
  const [margin, setMargin] = useState(0)
  const scroller = () => start.current?.closest<HTMLElement>('.editor-left') ?? null
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: scroller,
    estimateSize: () => ROW_PX,
    overscan: OVERSCAN,
    // `.tree` lays its rows out with `gap: 1px`.
    gap: 1,
    scrollMargin: margin,
    getItemKey: keyOf,
  })

  // The toolbox above can open and close: follow the rows' offset whenever the column's parts
  // resize (measured then, not on every render: reading layout in a commit forces a layout).
  useLayoutEffect(() => {
    const marker = start.current
    const container = marker?.closest<HTMLElement>('.editor-left')
    if (!container || !marker) return
    const measure = () => {
      const offset =
        marker.getBoundingClientRect().top -
        container.getBoundingClientRect().top +
        container.scrollTop
      setMargin((before) => (Math.abs(before - offset) > 1 ? offset : before))
    }
    measure()
    const observer = new ResizeObserver(measure)
    for (const child of container.children) observer.observe(child)
    return () => observer.disconnect()
  }, [start])

  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items.at(-1)
  return {
    indexes: items.map((item) => item.index),
    padTop: first ? first.start - margin : 0,
    padBottom: last ? Math.max(0, virtualizer.getTotalSize() - (last.end - margin)) : 0,
    measure: virtualizer.measureElement,
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  }
}
