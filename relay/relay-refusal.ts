/** Every reason the relay answers itself instead of forwarding, with the HTTP status it answers with. */
export const RELAY_REFUSALS = {
  not_found: 404,
  method_not_allowed: 405,
  foreign_host: 421,
  foreign_origin: 403,
  missing_relay_header: 403,
  invalid_request: 400,
  host_not_allowed: 403,
  forbidden_address: 403,
  request_too_large: 413,
  reply_too_large: 502,
  upstream_unreachable: 502,
  upstream_timeout: 504,
} as const

export type RelayErrorCode = keyof typeof RELAY_REFUSALS

/** A refusal with a stable code and a sentence for the person; sent as `{"relay_error", "message"}`. */
export class RelayRefusal extends Error {
  readonly code: RelayErrorCode

  constructor(code: RelayErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'RelayRefusal'
    this.code = code
  }

  get status(): number {
    return RELAY_REFUSALS[this.code]
  }
}
