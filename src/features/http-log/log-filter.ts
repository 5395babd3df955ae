import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'

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

// Lower-cased once per exchange: exchanges are immutable, so typing in Search over 10,000 of them
// does not lower-case every body again on each keystroke.
const haystacks = new WeakMap<HttpExchange, string>()

function haystackOf(exchange: HttpExchange): string {
  let text = haystacks.get(exchange)
  if (text === undefined) {
    text = `${exchange.request.url}\n${exchange.request.body ?? ''}\n${exchange.response?.body ?? ''}`.toLowerCase()
    haystacks.set(exchange, text)
  }
  return text
}

/** The exchanges (stored oldest first) that pass the filter, newest first. Search is case-insensitive on URL and bodies. */
export function filterExchanges(exchanges: readonly HttpExchange[], filter: LogFilter): HttpExchange[] {
  const needle = filter.search.trim().toLowerCase()
  const shown: HttpExchange[] = []
  for (let index = exchanges.length - 1; index >= 0; index--) {
    const exchange = exchanges[index]!
    if (filter.step !== 'all' && exchange.step !== filter.step) continue
    if (!matchesStatus(exchange, filter.status)) continue
    if (needle !== '' && !haystackOf(exchange).includes(needle)) continue
    shown.push(exchange)
  }
  return shown
}

export function isFiltered(filter: LogFilter): boolean {
  return filter.step !== 'all' || filter.status !== 'all' || filter.search.trim() !== ''
}
