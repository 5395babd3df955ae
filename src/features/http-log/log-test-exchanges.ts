import type { HttpExchange } from '../../protocol/http-exchange.ts'
import type { ExchangeSequence } from './log-search.ts'

/** A recorded exchange for the log's tests: `body` is the reply's, what searches look into. */
export const exchange = (id: string, body: string, status = 200): HttpExchange => ({
  id,
  step: 'client-credentials',
  startedAt: 0,
  durationMs: 1,
  request: { method: 'POST', url: `https://idsvr.example/${id}`, headers: [], body: null },
  response: { status, statusText: '', headers: [], body },
  failure: null,
})

/** The ids of what the log shows, in order. */
export const ids = (shown: ExchangeSequence) => Array.from({ length: shown.length }, (_, index) => shown.at(index)?.id)
