import * as oauth from 'oauth4webapi'
import type { ExchangeStep, HttpExchange } from './http-exchange.ts'
import { createRecordingFetch, type FetchFn } from './recording-fetch.ts'

/** What every request function takes to log its exchange: the UI passes its log action. */
export interface RecordInput {
  record: (exchange: HttpExchange) => void
  /** The fetch that really sends; tests inject recorded replies here. */
  baseFetch?: FetchFn
  /** Set when `baseFetch` sends through the local relay, so every exchange carries the mark. */
  via?: 'relay'
  /** The person's Cancel for this step: aborting it stops the request, recorded as 'aborted'. */
  signal?: AbortSignal
}

/** One protocol request's recording fetch, the exchange it recorded, and oauth4webapi's options. */
export interface RequestContext {
  fetch: FetchFn
  /** The latest exchange this context recorded, null until a request was sent. */
  exchange: () => HttpExchange | null
  /** Every exchange this context recorded, in the order sent (a DPoP nonce retry makes two). */
  exchanges: () => readonly HttpExchange[]
  /** Plain http is allowed exactly when the target is http: (local servers, the sandbox). */
  options: (url: URL) => { [oauth.customFetch]: FetchFn; [oauth.allowInsecureRequests]: boolean }
}

/**
 * Gives a request function its own recording fetch for its step: every exchange goes to `record`
 * and the latest is kept for the outcome. oauth4webapi `customFetch` / `allowInsecureRequests`.
 */
export function createRequestContext(step: ExchangeStep, { record, baseFetch, via, signal }: RecordInput): RequestContext {
  const recorded: HttpExchange[] = []
  const fetch = createRecordingFetch(
    step,
    (exchange) => {
      recorded.push(exchange)
      record(exchange)
    },
    { ...(baseFetch ? { baseFetch } : {}), ...(via ? { via } : {}), ...(signal ? { signal } : {}) },
  )
  return {
    fetch,
    exchange: () => recorded.at(-1) ?? null,
    exchanges: () => recorded,
    options: (url) => ({ [oauth.customFetch]: fetch, [oauth.allowInsecureRequests]: url.protocol === 'http:' }),
  }
}
