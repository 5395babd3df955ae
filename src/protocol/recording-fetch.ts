import { readCappedBody } from './capped-body.ts'
import type { ExchangeStep, HeaderRow, HttpExchange, RecordedResponse, TransportFailure } from './http-exchange.ts'
import { requestLimits, timerDelay, type RequestLimits } from './limits.ts'
import {
  brokenBodyFailure,
  diagnoseFetchFailure,
  originOf,
  redirectFailure,
  seconds,
  timeoutFailure,
  tooLargeFailure,
  TransportError,
  unsendableHeader,
  type FetchFn,
} from './transport-failure.ts'

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
  /** The person's Cancel: aborting it stops the request, recorded as 'aborted'. */
  signal?: AbortSignal
  /** How long the request may take, body included; the configured limit when absent. */
  timeoutMs?: number
  /** The most of a reply body that is kept, in decoded bytes; the configured limit when absent. */
  maxBodyBytes?: number
}

/** The exchange each recorded response belongs to, so nested recorders share one identity. */
const exchangesByResponse = new WeakMap<Response, HttpExchange>()

/**
 * A fetch that records every request and its response (or why there was none) through `record`,
 * once per request. It never follows a redirect (`redirect: 'manual'`: credentials and trusted
 * replies stay with the server asked), gives up after the timeout, stops at the caller's signal,
 * and reads the body as a stream up to the size cap. The caller gets a Response holding the
 * body as read. A redirect, an oversized body, an unsendable header, a timeout and a cancel are
 * recorded and thrown as a `TransportError`, as is a missing response, so nothing downstream
 * parses what it should not. Usable as oauth4webapi's `[customFetch]` and for plain requests.
 * Wrapping another recording fetch re-uses its exchange instead of recording a second identity.
 * Fetch Standard §5.6 (fetch method), §4.4 (HTTP-redirect fetch, "manual").
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
    const { timeoutMs, maxBodyBytes } = { ...requestLimits(), ...definedLimits(options) }
    const fail = (failure: TransportFailure, response: RecordedResponse | null, cause?: unknown): never => {
      const exchange: HttpExchange = { id: newId(), step, startedAt, durationMs: now() - startedAt, request, response, failure, ...mark }
      record(exchange)
      throw new TransportError(failure, exchange, { cause })
    }

    const unsendable = unsendableHeader(init?.headers)
    if (unsendable) fail(unsendable, null)

    const timeout = new AbortController()
    const timer = setTimeout(
      () => timeout.abort(new DOMException(`No reply within ${seconds(timeoutMs)}`, 'TimeoutError')),
      timerDelay(timeoutMs),
    )
    const signals = [timeout.signal, options.signal, init?.signal].filter((signal): signal is AbortSignal => Boolean(signal))
    const signal = AbortSignal.any(signals)
    const stopped = (): TransportFailure | null => {
      if (timeout.signal.aborted) return timeoutFailure(url, timeoutMs)
      if (signal.aborted) return { kind: 'aborted', message: `The request to ${originOf(url)} was cancelled.` }
      return null
    }
    try {
      let response: Response
      try {
        response = await baseFetch(url, { ...init, signal, redirect: 'manual' })
      } catch (error) {
        if (error instanceof TransportError) {
          record(error.exchange)
          throw error
        }
        return fail(stopped() ?? (await diagnoseFetchFailure(url, error, baseFetch)), null, error)
      }
      const known = exchangesByResponse.get(response)
      if (known) {
        record(known)
        return response
      }
      if (response.type === 'opaqueredirect') return fail(redirectFailure(url, null, null), null)
      const head = { status: response.status, statusText: response.statusText, headers: [...response.headers].map(([name, value]) => ({ name, value })) }
      if (isRedirect(response.status)) {
        return fail(redirectFailure(url, response.status, response.headers.get('location')), { ...head, body: '' })
      }
      const body = await readCappedBody(response.body, maxBodyBytes)
      // An oversized body is never parsed; the log keeps a preview, not megabytes nobody reads.
      const kept = body.truncated ? body.bytes.subarray(0, OVERSIZED_PREVIEW_BYTES) : body.bytes
      const recorded: RecordedResponse = { ...head, body: new TextDecoder().decode(kept) }
      if (body.error !== undefined) {
        return fail(stopped() ?? brokenBodyFailure(url, body.total), recorded, body.error)
      }
      if (body.truncated) return fail(tooLargeFailure(url, maxBodyBytes, body.total, body.countingStopped), recorded)
      const exchange: HttpExchange = {
        id: newId(), step, startedAt, durationMs: now() - startedAt, request, response: recorded, failure: null, ...mark,
      }
      const nullBody = NULL_BODY_STATUSES.has(response.status)
      const delivered = new ReadReply(nullBody ? null : body.bytes, nullBody ? '' : recorded.body, {
        status: response.status, statusText: response.statusText, headers: response.headers,
      })
      exchangesByResponse.set(delivered, exchange)
      record(exchange)
      return delivered
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * The reply handed on, over the body already read, answering from those bytes: Chromium reads a
 * Response's body through a pipe that answers a task later at best, behind the frame the page is drawing,
 * and a clone's tee waits on another thread (3-100 ms by what the page draws). oauth4webapi reads each
 * reply once and clones each error reply (every pending device poll) to read it again. Reading still
 * marks the body used, as with any Response.
 * Fetch Standard §6.4 (clone), §6.3 (Body mixin: text, json, "consume body").
 */
class ReadReply extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null
  readonly #text: string
  readonly #init: ResponseInit

  /** `text` is `bytes` decoded as UTF-8, as the log records it; '' with no body. */
  constructor(bytes: Uint8Array<ArrayBuffer> | null, text: string, init: ResponseInit) {
    super(bytes, init)
    this.#bytes = bytes
    this.#text = text
    this.#init = init
  }

  /** As with any Response: a body read, or locked to a reader, can be neither read nor cloned. */
  get #unusable(): boolean {
    return this.bodyUsed || (this.body?.locked ?? false)
  }

  override clone(): Response {
    if (this.#unusable) throw new TypeError('Response.clone: Body has already been consumed or is locked.')
    return new ReadReply(this.#bytes, this.#text, this.#init)
  }

  override text(): Promise<string> {
    if (this.#unusable) return Promise.reject(new TypeError('Response.text: Body has already been consumed or is locked.'))
    // Cancelling disturbs the stream, so the body counts as used (bodyUsed), as after reading it.
    void this.body?.cancel()
    return Promise.resolve(this.#text)
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text())
  }
}

const NULL_BODY_STATUSES = new Set([204, 205, 304])
/** How much of a body over the cap the log shows. */
export const OVERSIZED_PREVIEW_BYTES = 64 * 1024

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304
}

function definedLimits(options: RecordingFetchOptions): Partial<RequestLimits> {
  return {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
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

/** crypto.randomUUID exists only in secure contexts; a console served over plain http lacks it. */
function randomId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
