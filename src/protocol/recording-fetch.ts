import type { ExchangeStep, HeaderRow, HttpExchange, RecordedResponse } from './http-exchange.ts'
import { diagnoseFetchFailure, TransportError, type FetchFn } from './transport-failure.ts'

// The contract names these from here; they live beside the diagnosis they belong to.
export { diagnoseFetchFailure, TransportError, type FetchFn }

export interface RecordingFetchOptions {
  /** The fetch that really sends: the global one unless a test or an outer recorder injects one. */
  baseFetch?: FetchFn
  /** Epoch milliseconds. */
  now?: () => number
  newId?: () => string
  /** Marks every exchange as sent through the local relay. */
  via?: 'relay'
}

/** The exchange each recorded response belongs to, so nested recorders share one identity. */
const exchangesByResponse = new WeakMap<Response, HttpExchange>()

/**
 * A fetch that records every request and its response (or why there was none) through `record`,
 * once per request, after reading the body from a clone: the caller gets the original Response with
 * its body unconsumed. Usable as oauth4webapi's `[customFetch]` and for plain requests. When no
 * response arrives it records the diagnosed failure and throws a `TransportError`.
 * Wrapping another recording fetch re-uses its exchange instead of recording a second identity.
 * Fetch Standard §5.6 (fetch method).
 */
export function createRecordingFetch(
  step: ExchangeStep,
  record: (exchange: HttpExchange) => void,
  options: RecordingFetchOptions = {},
): FetchFn {
  const baseFetch: FetchFn = options.baseFetch ?? ((url, init) => globalThis.fetch(url, init))
  const now = options.now ?? Date.now
  const newId = options.newId ?? randomId
  const mark = options.via ? { via: options.via } : {}
  return async (url, init) => {
    const startedAt = now()
    const request = {
      method: init?.method ?? 'GET',
      url: String(url),
      headers: headerRows(init?.headers),
      body: await bodyText(init?.body),
    }
    let response: Response
    try {
      response = await baseFetch(url, init)
    } catch (error) {
      if (error instanceof TransportError) {
        record(error.exchange)
        throw error
      }
      const failure = await diagnoseFetchFailure(url, error, baseFetch)
      const exchange: HttpExchange = {
        id: newId(), step, startedAt, durationMs: now() - startedAt, request, response: null, failure, ...mark,
      }
      record(exchange)
      throw new TransportError(failure, exchange, { cause: error })
    }
    const known = exchangesByResponse.get(response)
    if (known) {
      record(known)
      return response
    }
    const recorded = await recordResponse(response)
    const exchange: HttpExchange = {
      id: newId(), step, startedAt, durationMs: now() - startedAt, request, response: recorded, failure: null, ...mark,
    }
    exchangesByResponse.set(response, exchange)
    record(exchange)
    return response
  }
}

/** Headers as rows, whichever of the three shapes fetch accepts they arrive in. Fetch Standard §5.2 (HeadersInit). */
export function headerRows(headers: HeadersInit | undefined): HeaderRow[] {
  if (headers === undefined) return []
  if (headers instanceof Headers) return [...headers].map(([name, value]) => ({ name, value }))
  if (Array.isArray(headers)) return headers.map(([name = '', value = '']) => ({ name, value }))
  return Object.entries(headers).map(([name, value]) => ({ name, value }))
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | null> {
  if (body === undefined || body === null) return null
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body)
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body)
  if (body instanceof Blob) return body.text()
  if (body instanceof FormData) return '[multipart/form-data body]'
  return '[streamed body]'
}

async function recordResponse(response: Response): Promise<RecordedResponse> {
  let body = ''
  try {
    body = await response.clone().text()
  } catch {
    // An unreadable body (reset mid-stream) is still worth recording with its status.
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers].map(([name, value]) => ({ name, value })),
    body,
  }
}

/** crypto.randomUUID exists only in secure contexts; a console served over plain http lacks it. */
function randomId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
