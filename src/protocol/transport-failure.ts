import type { HttpExchange, TransportFailure } from './http-exchange.ts'
import { formatBytes } from './limits.ts'

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

/** The console's own limit, named in the message so the person knows it is adjustable. */
export function timeoutFailure(url: string | URL, timeoutMs: number): TransportFailure {
  return {
    kind: 'timeout',
    message:
      `No complete reply from ${originOf(url)} within ${seconds(timeoutMs)} (the request timeout): the request was stopped. ` +
      `A stalled or very slow server; the timeout is adjustable under Limits.`,
  }
}

/**
 * A redirect the console did not follow. Credentials and replies it trusts (tokens, keys,
 * registrations) stay with the URL asked; a browser hides where an unfollowed redirect pointed
 * unless the reply came through a relay. Fetch Standard §4.4 ("manual" redirect mode).
 */
export function redirectFailure(url: string | URL, status: number | null, location: string | null): TransportFailure {
  const answer = status === null ? 'a redirect' : `HTTP ${status}`
  const target = location ? ` to ${location}` : ''
  const hidden = location ? '' : ' (the browser does not let a page see where a redirect it did not follow points)'
  return {
    kind: 'redirect',
    message:
      `${originOf(url)} answered with ${answer}${target}, not followed${hidden}. The console never follows a redirect ` +
      `with credentials or for a reply it trusts: use the final URL directly if you trust it.`,
  }
}

/** A body over the cap: kept only in part and never parsed. */
export function tooLargeFailure(url: string | URL, maxBytes: number, total: number, countingStopped: boolean): TransportFailure {
  const size = countingStopped ? `more than ${formatBytes(total)}` : formatBytes(total)
  return {
    kind: 'too_large',
    message:
      `The reply from ${originOf(url)} is ${size}, over the ${formatBytes(maxBytes)} size limit: ` +
      `it was read up to the limit, the rest ${countingStopped ? 'counted until reading stopped' : 'counted'}, the log shows its first 64 kB, and nothing was parsed.`,
  }
}

/** The connection broke after the status line: what arrived is kept, nothing is parsed. */
export function brokenBodyFailure(url: string | URL, received: number): TransportFailure {
  return {
    kind: 'network',
    message: `The connection to ${originOf(url)} broke while the reply body was arriving (after ${formatBytes(received)}).`,
  }
}

/**
 * A header fetch refuses to send: a value with characters outside Latin-1 (a token pasted with
 * typographic quotes or non-ASCII text), line breaks, or a name that is not a token. Browsers
 * reject it before anything leaves, with an error that would otherwise read as CORS.
 * Fetch Standard §2.2 (header value), RFC 9110 §5.5.
 */
export function unsendableHeader(headers: HeadersInit | undefined): TransportFailure | null {
  if (headers === undefined) return null
  const pairs: [string, string][] =
    headers instanceof Headers ? [...headers] : Array.isArray(headers) ? headers.map(([name = '', value = '']) => [name, value]) : Object.entries(headers)
  for (const [name, value] of pairs) {
    try {
      new Headers([[name, value]])
    } catch {
      const outside = [...value].find((character) => (character.codePointAt(0) ?? 0) > 0xff)
      const why = outside
        ? `its value contains "${outside}" (U+${(outside.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}), outside the Latin-1 characters a header can carry`
        : 'a name must be a token and a value must not contain line breaks or NUL'
      return {
        kind: 'invalid_header',
        message: `Header "${name}" cannot be sent: ${why}. Nothing was sent; check the token or header value for pasted characters.`,
      }
    }
  }
  return null
}

/** "30 s", "1.5 s". */
export function seconds(ms: number): string {
  return `${+(ms / 1000).toFixed(1)} s`
}

/** The origin of a URL for messages, or the text itself when it is no URL. */
export function originOf(url: string | URL): string {
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
