import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'
import { searchTextOf } from '../../state/exchange-search-text.ts'

export type StatusFilter = 'all' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed'

export interface LogFilter {
  step: ExchangeStep | 'all'
  status: StatusFilter
  search: string
}

export const NO_FILTER: LogFilter = { step: 'all', status: 'all', search: '' }

/** Every step, labelled; a Record so a new step cannot be left out of the filter. */
export const STEP_LABELS: Record<ExchangeStep, string> = {
  discovery: 'Discovery',
  'client-credentials': 'Client credentials',
  'external-api': 'External API',
  'device-authorization': 'Device authorization',
  'device-poll': 'Device poll',
  introspection: 'Introspection',
  refresh: 'Refresh',
  revocation: 'Revocation',
  userinfo: 'Userinfo',
  jwks: 'JWKS',
  'pushed-authorization': 'Pushed authorization',
  'authorization-code': 'Authorization code',
  'token-exchange': 'Token exchange',
  'client-management': 'Client management',
}

export const STATUS_LABELS: Record<StatusFilter, string> = {
  all: 'All statuses',
  '2xx': '2xx success',
  '3xx': '3xx redirect',
  '4xx': '4xx client error',
  '5xx': '5xx server error',
  failed: 'Failed (no response)',
}

function matchesStatus(exchange: HttpExchange, status: StatusFilter): boolean {
  if (status === 'all') return true
  const code = exchange.response?.status
  if (code === undefined) return status === 'failed'
  if (status === 'failed') return false
  return Math.floor(code / 100) === Number(status[0])
}

/** What the log offers the filter: the store's view, or an array (oldest first either way). */
export interface ExchangeSequence {
  readonly length: number
  at(index: number): HttpExchange | undefined
}

function matches(exchange: HttpExchange, filter: LogFilter, needle: string): boolean {
  if (filter.step !== 'all' && exchange.step !== filter.step) return false
  if (!matchesStatus(exchange, filter.status)) return false
  return needle === '' || searchTextOf(exchange).includes(needle)
}

function newestFirst(exchanges: ExchangeSequence): ExchangeSequence {
  const last = exchanges.length - 1
  return { length: exchanges.length, at: (index) => (index >= 0 && index <= last ? exchanges.at(last - index) : undefined) }
}

// The last result per log: typing one more character only searches what the previous query matched.
const lastResults = new WeakMap<ExchangeSequence, { filter: LogFilter; needle: string; shown: HttpExchange[] }>()

/**
 * The exchanges (stored oldest first) that pass the filter, newest first (an array, or a reversed view of the log). Search is case-insensitive on
 * URL and bodies, over text built when each exchange was recorded; when the query only grew, the
 * previous matches are narrowed instead of searching the whole log again.
 */
export function filterExchanges(exchanges: ExchangeSequence, filter: LogFilter): ExchangeSequence {
  const needle = filter.search.trim().toLowerCase()
  // Nothing to filter: the log itself, read backwards, so a new entry costs nothing here.
  if (filter.step === 'all' && filter.status === 'all' && needle === '') return newestFirst(exchanges)
  const last = lastResults.get(exchanges)
  let shown: HttpExchange[]
  if (last && last.filter === filter) return last.shown
  if (last && last.filter.step === filter.step && last.filter.status === filter.status && last.needle !== '' && needle.includes(last.needle)) {
    shown = last.shown.filter((exchange) => searchTextOf(exchange).includes(needle))
  } else {
    shown = []
    for (let index = exchanges.length - 1; index >= 0; index--) {
      const exchange = exchanges.at(index)!
      if (matches(exchange, filter, needle)) shown.push(exchange)
    }
  }
  lastResults.set(exchanges, { filter, needle, shown })
  return shown
}

export function isFiltered(filter: LogFilter): boolean {
  return filter.step !== 'all' || filter.status !== 'all' || filter.search.trim() !== ''
}
