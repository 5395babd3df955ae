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
  /** The search text the log built for the exchange at `index`, when it keeps one. */
  searchTextAt?(index: number): string
}

function passesStepAndStatus(exchange: HttpExchange, filter: LogFilter): boolean {
  return (filter.step === 'all' || exchange.step === filter.step) && matchesStatus(exchange, filter.status)
}

function newestFirst(exchanges: ExchangeSequence): ExchangeSequence {
  const last = exchanges.length - 1
  return { length: exchanges.length, at: (index) => (index >= 0 && index <= last ? exchanges.at(last - index) : undefined) }
}

interface Matches {
  shown: HttpExchange[]
  /** Each shown exchange's search text, and where the needle first occurs in it. */
  texts: string[]
  found: Int32Array
}

interface LastResult extends Matches {
  filter: LogFilter
  needle: string
}

// The last result per log: typing one more character only searches what the previous query matched.
const lastResults = new WeakMap<ExchangeSequence, LastResult>()

/** The previous matches that also hold the longer `needle`, each searched from where the old needle was. */
function narrowed(last: LastResult, needle: string): Matches {
  // The old needle sits at `shift` in the new one, so the new one cannot start before (old position - shift).
  const shift = needle.lastIndexOf(last.needle)
  const shown: HttpExchange[] = []
  const texts: string[] = []
  const found = new Int32Array(last.shown.length)
  for (let index = 0; index < last.shown.length; index++) {
    const text = last.texts[index]!
    const at = text.indexOf(needle, Math.max(0, last.found[index]! - shift))
    if (at === -1) continue
    found[shown.length] = at
    shown.push(last.shown[index]!)
    texts.push(text)
  }
  return { shown, texts, found: found.subarray(0, shown.length) }
}

function searched(exchanges: ExchangeSequence, filter: LogFilter, needle: string): Matches {
  const everyStep = filter.step === 'all' && filter.status === 'all'
  const textAt = exchanges.searchTextAt ? (index: number) => exchanges.searchTextAt!(index) : (index: number) => searchTextOf(exchanges.at(index)!)
  const shown: HttpExchange[] = []
  const texts: string[] = []
  const found = new Int32Array(exchanges.length)
  for (let index = exchanges.length - 1; index >= 0; index--) {
    const exchange = exchanges.at(index)!
    if (!everyStep && !passesStepAndStatus(exchange, filter)) continue
    const text = textAt(index)
    const at = needle === '' ? 0 : text.indexOf(needle)
    if (at === -1) continue
    found[shown.length] = at
    shown.push(exchange)
    texts.push(text)
  }
  return { shown, texts, found: found.subarray(0, shown.length) }
}

/**
 * The exchanges (stored oldest first) that pass the filter, newest first (an array, or a reversed view of the log). Search is case-insensitive on
 * URL and bodies, over text built when each exchange was recorded; when the query only grew, the
 * previous matches are narrowed instead of searching the whole log again, each from where the
 * shorter query was found.
 */
export function filterExchanges(exchanges: ExchangeSequence, filter: LogFilter): ExchangeSequence {
  const needle = filter.search.trim().toLowerCase()
  // Nothing to filter: the log itself, read backwards, so a new entry costs nothing here.
  if (filter.step === 'all' && filter.status === 'all' && needle === '') return newestFirst(exchanges)
  const last = lastResults.get(exchanges)
  if (last && last.filter === filter) return last.shown
  const canNarrow = last && last.filter.step === filter.step && last.filter.status === filter.status && last.needle !== '' && needle.includes(last.needle)
  const matches = canNarrow ? narrowed(last, needle) : searched(exchanges, filter, needle)
  lastResults.set(exchanges, { filter, needle, ...matches })
  return matches.shown
}

export function isFiltered(filter: LogFilter): boolean {
  return filter.step !== 'all' || filter.status !== 'all' || filter.search.trim() !== ''
}
