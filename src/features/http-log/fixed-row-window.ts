import { useCallback, useLayoutEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** First and one-past-last row index to render. */
  first: number
  end: number
  /** Height of the whole list, for its scroll bar. */
  totalHeight: number
  /** Scrolls the container just enough to show the row. */
  scrollToRow: (index: number) => void
}

/**
 * The rows of a list of `count` rows, all `rowHeight` pixels tall, that are in view in a scrolling
 * container (plus `overscan` either side). Every row has the same height, so the window is arithmetic
 * on scrollTop: a new count (a filter typed on a 100,000-entry log) costs nothing, where a virtualizer
 * that measures rows rebuilds a measurement per row.
 */
export function useFixedRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [viewport, setViewport] = useState({ top: 0, height: 0 })

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const read = () =>
      setViewport((last) => (last.top === element.scrollTop && last.height === element.clientHeight ? last : { top: element.scrollTop, height: element.clientHeight }))
    read()
    element.addEventListener('scroll', read, { passive: true })
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read)
    resizes?.observe(element)
    return () => {
      element.removeEventListener('scroll', read)
      resizes?.disconnect()
    }
  }, [scrollRef])

  const totalHeight = count * rowHeight
  // A shorter list than before leaves the browser's scrollTop clamped; the window follows it.
  const top = Math.max(0, Math.min(viewport.top, totalHeight - viewport.height))
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan)
  const end = Math.min(count, Math.ceil((top + viewport.height) / rowHeight) + overscan)

  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element) return
      const rowTop = index * rowHeight
      if (rowTop < element.scrollTop) element.scrollTop = rowTop
      else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + rowHeight - element.clientHeight
      // The scroll event comes a frame later: render the row now, so it can take focus.
      setViewport({ top: element.scrollTop, height: element.clientHeight })
    },
    [scrollRef, rowHeight],
  )

  return { first, end, totalHeight, scrollToRow }
}
