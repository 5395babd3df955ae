import type { HttpExchange, TransportFailure } from './http-exchange.ts'

/**
 * Every way a request can fail, shared by all flows so each step explains failures alike.
 * `exchange` is the recorded HTTP exchange, when the request got as far as being sent.
 */
export type RequestFailure =
  | { kind: 'invalid_input'; message: string; field?: string }
  | { kind: 'transport'; failure: TransportFailure; exchange: HttpExchange | null }
  | {
      kind: 'oauth_error'
      status: number
      error: string
      error_description?: string
      error_uri?: string
      exchange: HttpExchange | null
    }
  | {
      kind: 'not_oauth'
      status: number
      contentType: string | null
      /** Plain words: "an HTML page", "an empty body", "JSON that is not an object" ... */
      reason: string
      exchange: HttpExchange | null
    }

/** A request refused before it was sent: what in the form is wrong, and which field. */
export type InvalidInput = Extract<RequestFailure, { kind: 'invalid_input' }>

export function exhaustiveSwitchError(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`)
}
