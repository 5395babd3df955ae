import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { formatCount } from '../../components/ui/format-count.ts'
import { LoadingFallback } from '../../components/ui/loading-fallback.tsx'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { useHttpLogActions } from '../../state/http-log-store.ts'
import { useShownExchangeLog } from '../../state/shown-exchange-log.ts'
import { LogCapControl } from './log-cap-control.tsx'
import { LogFilterBar } from './log-filter-bar.tsx'
import { filterExchanges, isFiltered, NO_FILTER, type LogFilter } from './log-filter.ts'
import { LogSearch } from './log-search.ts'

// The first view shows an empty log: the virtual list and the detail (with curl) load when there is something to show.
const ExchangeList = lazy(() => import('./exchange-list.tsx'))
const ExchangeDetail = lazy(() => import('./exchange-detail.tsx'))

export function HttpLogPanel() {
  // A click's exchange is drawn the frame after its result (see shown-exchange-log.ts).
  const exchanges = useShownExchangeLog()
  const { logCleared } = useHttpLogActions()
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER)
  const [openId, setOpenId] = useState<string | null>(null)
  // Stable, so the memoised list skips the render that only updates the Search field.
  const openExchange = useCallback((exchange: HttpExchange) => setOpenId(exchange.id), [])
  // Typing stays responsive on a long log: the list catches up with the latest filter when it can.
  const deferredFilter = useDeferredValue(filter)
  // Remembers its results, so each keystroke builds on the last one (see LogSearch).
  const [search] = useState(() => new LogSearch())
  const shown = useMemo(() => filterExchanges(exchanges, deferredFilter, search), [exchanges, deferredFilter, search])
  const opened = openId === null ? undefined : exchanges.find((exchange) => exchange.id === openId)
  const filtered = isFiltered(filter)
  // While the list still shows an older filter, say so: to assistive technology and to the bench.
  const updating = filter !== deferredFilter

  return (
    <section aria-labelledby="http-log-heading" aria-busy={updating || undefined} className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 id="http-log-heading" className="text-sm font-semibold">
          HTTP log{' '}
          <span className="font-normal text-slate-500 dark:text-slate-400">
            ({filtered ? `${formatCount(shown.length)} of ${formatCount(exchanges.length)}` : formatCount(exchanges.length)})
          </span>
        </h2>
        <Button variant="ghost" onClick={logCleared} disabled={exchanges.length === 0}>
          Clear log
        </Button>
      </div>
      <LogFilterBar filter={filter} onFilterChange={setFilter} />
      {exchanges.length === 0 ? (
        <p className="flex-1 p-3 text-sm text-slate-500 dark:text-slate-400">Every request the console sends appears here, with the raw request and response.</p>
      ) : shown.length === 0 ? (
        <p className="flex-1 p-3 text-sm text-slate-500 dark:text-slate-400">No exchange matches the filters.</p>
      ) : (
        <Suspense fallback={<LoadingFallback what="the log" className="flex-1 p-3" />}>
          <ExchangeList exchanges={shown} onOpen={openExchange} />
        </Suspense>
      )}
      <LogCapControl />
      {opened && (
        <Suspense fallback={<LoadingFallback what="the exchange" className="p-3" />}>
          <ExchangeDetail exchange={opened} onClose={() => setOpenId(null)} />
        </Suspense>
      )}
    </section>
  )
}
