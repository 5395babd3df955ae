/** One header as sent or received; a list keeps order and repeated names. */
export interface HeaderRow {
  name: string
  value: string
}

/** Which part of the console sent a request: the log filters and labels by it. */
export type ExchangeStep =
  | 'discovery'
  | 'client-credentials'
  | 'external-api'
  | 'device-authorization'
  | 'device-poll'
  | 'introspection'
  | 'refresh'
  | 'revocation'
  | 'userinfo'
  | 'jwks'
  | 'pushed-authorization'
  | 'authorization-code'
  | 'token-exchange'
  | 'client-management'

export interface RecordedRequest {
  method: string
  url: string
  headers: HeaderRow[]
  /** The body exactly as sent (form-encoded or JSON text), null when there was none. */
  body: string | null
}

export interface RecordedResponse {
  status: number
  statusText: string
  /** Only what the browser lets a page read: CORS hides headers the server does not expose. */
  headers: HeaderRow[]
  body: string
}

/**
 * Why no usable HTTP response reached the page: none arrived (network, cors), the console stopped
 * waiting (timeout, aborted), the request could not be sent (invalid_header), the reply was one
 * the console refuses to act on (a redirect it does not follow, a body over the size cap), or the
 * local relay refused to forward it (relay).
 */
export const TRANSPORT_FAILURE_KINDS = ['network', 'cors', 'timeout', 'aborted', 'redirect', 'too_large', 'invalid_header', 'relay'] as const

/** Why no HTTP response reached the page. */
export interface TransportFailure {
  kind: (typeof TRANSPORT_FAILURE_KINDS)[number]
  message: string
}

/** A request and what came of it: a response, or the reason there was none. */
export interface HttpExchange {
  id: string
  step: ExchangeStep
  /** Epoch milliseconds. */
  startedAt: number
  durationMs: number
  request: RecordedRequest
  response: RecordedResponse | null
  failure: TransportFailure | null
  /** Sent through the console's local relay (past CORS) rather than by the browser directly. */
  via?: 'relay'
}
