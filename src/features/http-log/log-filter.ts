import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'
import { LogSearch, type ExchangePredicate, type ExchangeSequence } from './log-search.ts'

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

function passesStepAndStatus(exchange: HttpExchange, filter: LogFilter): boolean {
  return (filter.step === 'all' || exchange.step === filter.step) && matchesStatus(exchange, filter.status)
}

function newestFirst(exchanges: ExchangeSequence): ExchangeSequence {
  const last = exchanges.length - 1
  return { length: exchanges.length, at: (index) => (index >= 0 && index <= last ? exchanges.at(last - index) : undefined) }
}

// One predicate per step and status, so the search can tell the other filters did not change.
const predicates = new Map<string, ExchangePredicate>()

function predicateOf(filter: LogFilter): ExchangePredicate | null {
  if (filter.step === 'all' && filter.status === 'all') return null
  const key = `${filter.step} ${filter.status}`
  let predicate = predicates.get(key)
  if (!predicate) {
    const { step, status } = filter
    predicate = (exchange) => passesStepAndStatus(exchange, { step, status, search: '' })
    predicates.set(key, predicate)
  }
  return predicate
}

const sharedSearch = new LogSearch()

/**
 * The exchanges (stored oldest first) that pass the filter, newest first, as a view that reads
 * through the log (no copy). Search is case-insensitive on URL and bodies, over text built when each
 * exchange was recorded; `search` remembers its results, so a query that grew, a Backspace, or a
 * log that only grew cost a fraction of a full search (see {@link LogSearch}).
 */
export function filterExchanges(exchanges: ExchangeSequence, filter: LogFilter, search: LogSearch = sharedSearch): ExchangeSequence {
  const needle = filter.search.trim().toLowerCase()
  const predicate = predicateOf(filter)
  // Nothing to filter: the log itself, read backwards, so a new entry costs nothing here.
  if (predicate === null && needle === '') return newestFirst(exchanges)
  return search.find(exchanges, needle, predicate)
}

export function isFiltered(filter: LogFilter): boolean {
  return filter.step !== 'all' || filter.status !== 'all' || filter.search.trim() !== ''
}
