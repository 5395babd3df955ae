import type { HttpExchange, TransportFailure } from './http-exchange.ts'

/** A fetch the console can swap: the browser's own, a recording one, or a test double. */
export type FetchFn = (url: string | URL, init?: RequestInit) => Promise<Response>

/**
 * Thrown by the recording fetch when no response reached the page: carries the diagnosis and the
 * exchange already recorded for it, so callers need not inspect the browser's bare TypeError
 * (kept as `cause`). Fetch Standard §4 (a network error is the only failure a page can see).
 */
export class TransportError extends Error {
  readonly failure: TransportFailure
  readonly exchange: HttpExchange

  constructor(failure: TransportFailure, exchange: HttpExchange, options?: { cause?: unknown }) {
    super(failure.message, options)
    this.name = 'TransportError'
    this.failure = failure
    this.exchange = exchange
  }
}

/**
 * Thrown by a fetch that already knows why no response came (the local relay refused, or could not
 * reach the server): the diagnosis is taken as it is, with no probe.
 */
export class DiagnosedFetchError extends Error {
  readonly failure: TransportFailure

  constructor(failure: TransportFailure, options?: { cause?: unknown }) {
    super(failure.message, options)
    this.name = 'DiagnosedFetchError'
    this.failure = failure
  }
}

/**
 * Explains why `fetch(url)` threw. A browser reports a refused CORS response and an unreachable
 * server with the same TypeError, so a `no-cors` probe tells them apart: an opaque reply to the
 * probe means the server answered and only the CORS check failed.
 * Fetch Standard §3.2 (CORS protocol) and §4.1 (network error).
 */
export async function diagnoseFetchFailure(
  url: string | URL,
  error: unknown,
  baseFetch: FetchFn,
): Promise<TransportFailure> {
  if (error instanceof DiagnosedFetchError) return error.failure
  const target = originOf(url)
  switch (errorName(error)) {
    case 'AbortError':
      return { kind: 'aborted', message: `The request to ${target} was cancelled before a response arrived.` }
    case 'TimeoutError':
      return { kind: 'timeout', message: `The request to ${target} timed out before a response arrived.` }
  }
  try {
    await baseFetch(url, { mode: 'no-cors', method: 'GET', cache: 'no-store' })
  } catch {
    const detail = causeDetail(error)
    return {
      kind: 'network',
      message:
        `No response from ${target}: the server is unreachable (wrong host or port, DNS failure, ` +
        `TLS certificate problem, or connection refused)${detail ? ` [${detail}]` : ''}.`,
    }
  }
  const consoleOrigin = globalThis.location?.origin
  const allowed = consoleOrigin ? `this console's origin ${consoleOrigin}` : `this console's origin`
  return {
    kind: 'cors',
    message:
      `${target} answered, but the browser withheld the response because the server did not allow ` +
      `${allowed} (CORS). Add it to the server's allowed origins.`,
  }
}

function originOf(url: string | URL): string {
  try {
    return new URL(url).origin
  } catch {
    return String(url)
  }
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined
}

/** Node's fetch hides the reason in `cause` (ECONNREFUSED, ENOTFOUND); browsers give none. */
function causeDetail(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined
  if (typeof cause !== 'object' || cause === null) return undefined
  if ('code' in cause && typeof cause.code === 'string') return cause.code
  if ('message' in cause && typeof cause.message === 'string') return cause.message
  return undefined
}
