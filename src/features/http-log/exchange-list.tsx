import { memo, useRef, type KeyboardEvent } from 'react'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { useFixedRowWindow } from './fixed-row-window.ts'
import { STEP_LABELS } from './log-filter.ts'
import type { ExchangeSequence } from './log-search.ts'

const ROW_HEIGHT = 30
const OVERSCAN = 10

function statusClass(exchange: HttpExchange) {
  const status = exchange.response?.status
  if (status === undefined) return 'text-rose-700 dark:text-rose-400'
  if (status >= 400) return 'text-amber-700 dark:text-amber-400'
  return 'text-emerald-700 dark:text-emerald-400'
}

function pathOf(url: string) {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return url
  }
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End'])

interface ExchangeListProps {
  /** Already filtered, newest first. */
  exchanges: ExchangeSequence
  onOpen: (exchange: HttpExchange) => void
}

/**
 * Only the rows in view are in the DOM, so a log of 100,000 exchanges scrolls and filters without
 * stalling: rows are one height, so what is in view is arithmetic, whatever the count. Rows are keyed
 * by exchange id, so a row that stays in view across a new filter keeps its element. Arrow keys, Home
 * and End move between rows, scrolling the list as needed.
 */
export const ExchangeList = memo(function ExchangeList({ exchanges, onOpen }: ExchangeListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { first, end, totalHeight, scrollToRow } = useFixedRowWindow(scrollRef, exchanges.length, ROW_HEIGHT, OVERSCAN)

  const focusRow = (index: number) => {
    scrollToRow(index)
    // The row may only be rendered after the scroll: look for it on the next frames.
    const tryFocus = (attempts: number) => {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] button`)
      if (button) button.focus()
      else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1))
    }
    tryFocus(5)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!NAVIGATION_KEYS.has(event.key)) return
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    const current = Number(row?.dataset.index ?? -1)
    const last = exchanges.length - 1
    const next = { ArrowDown: Math.min(last, current + 1), ArrowUp: Math.max(0, current - 1), Home: 0, End: last }[event.key] ?? current
    event.preventDefault()
    focusRow(next)
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
      <ul aria-label="Exchanges" onKeyDown={onKeyDown} className="relative w-full" style={{ height: totalHeight }}>
        {Array.from({ length: end - first }, (_, offset) => {
          const index = first + offset
          const exchange = exchanges.at(index)
          if (!exchange) return null
          return (
            <li
              key={exchange.id}
              data-index={index}
              aria-setsize={exchanges.length}
              aria-posinset={index + 1}
              className="absolute top-0 left-0 w-full border-b border-slate-100 dark:border-slate-800"
              style={{ height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}
            >
              <button
                type="button"
                aria-haspopup="dialog"
                onClick={() => onOpen(exchange)}
                className="flex h-full w-full items-center gap-2 px-3 text-left text-xs hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
              >
                <span className={`w-12 shrink-0 font-mono font-semibold ${statusClass(exchange)}`}>
                  {exchange.response?.status ?? exchange.failure?.kind ?? '—'}
                </span>
                <span className="w-12 shrink-0 font-mono">{exchange.request.method}</span>
                <span className="min-w-0 flex-1 truncate font-mono" title={exchange.request.url}>
                  {pathOf(exchange.request.url)}
                </span>
                {exchange.via === 'relay' && (
                  <span className="shrink-0 rounded bg-violet-100 px-1 text-violet-800 dark:bg-violet-950 dark:text-violet-200">via relay</span>
                )}
                <span className="shrink-0 text-slate-500 dark:text-slate-400">{STEP_LABELS[exchange.step]}</span>
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
})

export default ExchangeList
