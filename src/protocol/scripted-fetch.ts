import type { HttpExchange } from './http-exchange.ts'
import type { FetchFn } from './transport-failure.ts'

/** A request as the scripted fetch received it, for tests to assert on. */
export interface SentRequest {
  url: string
  method: string
  headers: Headers
  body: string | null
  init: RequestInit | undefined
}

type Reply = Response | Error | (() => Response)

/**
 * A test double for fetch: answers each request with the next scripted reply (a Response, or an
 * Error to throw) and keeps what was sent. Never touches the network. Fetch Standard §5.6.
 */
export function scriptedFetch(...replies: Reply[]): FetchFn & { sent: SentRequest[] } {
  const sent: SentRequest[] = []
  const fetch = async (url: string | URL, init?: RequestInit): Promise<Response> => {
    const body = init?.body
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: body === undefined || body === null ? null : String(body),
      init,
    })
    const reply = replies.shift()
    if (reply === undefined) throw new Error(`scriptedFetch: no reply left for ${String(url)}`)
    if (reply instanceof Error) throw reply
    return typeof reply === 'function' ? reply() : reply
  }
  return Object.assign(fetch, { sent })
}

/** A reply with a JSON body and `application/json`, unless headers say otherwise. RFC 8259 §11. */
export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** A reply with a raw text body, exactly as given (none for 204 and 304). RFC 9110 §15.3.5. */
export function textReply(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || status === 304 ? null : body, { status, headers })
}

/** A `record` callback that keeps the exchanges for assertions. Fetch Standard §5.6. */
export function exchangeLog(): { record: (exchange: HttpExchange) => void; exchanges: HttpExchange[] } {
  const exchanges: HttpExchange[] = []
  return { record: (exchange) => void exchanges.push(exchange), exchanges }
}
