import { useState } from 'react'
import { ExchangeView } from '../../components/exchange/exchange-view.tsx'
import { Button } from '../../components/ui/button.tsx'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { useExchanges, useHttpLogActions } from '../../state/http-log-store.ts'

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

export function HttpLogPanel() {
  const exchanges = useExchanges()
  const { logCleared } = useHttpLogActions()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = exchanges.find((exchange) => exchange.id === selectedId)
  const newestFirst = [...exchanges].reverse()

  return (
    <section aria-labelledby="http-log-heading" className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 id="http-log-heading" className="text-sm font-semibold">
          HTTP log <span className="font-normal text-slate-500">({exchanges.length})</span>
        </h2>
        <Button variant="ghost" onClick={logCleared} disabled={exchanges.length === 0}>
          Clear log
        </Button>
      </div>
      {exchanges.length === 0 ? (
        <p className="p-3 text-sm text-slate-500">Every request the console sends appears here, with the raw request and response.</p>
      ) : (
        <ul aria-label="Exchanges" className="min-h-0 flex-1 overflow-auto">
          {newestFirst.map((exchange) => (
            <li key={exchange.id} className="border-b border-slate-100 dark:border-slate-800">
              <button
                type="button"
                aria-expanded={exchange.id === selectedId}
                onClick={() => setSelectedId(exchange.id === selectedId ? null : exchange.id)}
                className="flex w-full items-baseline gap-2 px-3 py-1.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span className={`w-10 shrink-0 font-mono font-semibold ${statusClass(exchange)}`}>
                  {exchange.response?.status ?? exchange.failure?.kind ?? '—'}
                </span>
                <span className="w-12 shrink-0 font-mono">{exchange.request.method}</span>
                <span className="min-w-0 flex-1 truncate font-mono" title={exchange.request.url}>
                  {pathOf(exchange.request.url)}
                </span>
                <span className="shrink-0 text-slate-500">{exchange.step}</span>
              </button>
              {selected?.id === exchange.id && (
                <div className="px-3 pb-3">
                  <ExchangeView exchange={exchange} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
