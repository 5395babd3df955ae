import type { HeaderRow, HttpExchange, TransportFailure } from './http-exchange.ts'
import { parseJsonText } from './json-text.ts'
import { enabledParams, type ParamRow } from './param-row.ts'
import { createRequestContext, type RecordInput } from './request-context.ts'
import { unconfirmedOrigin } from './endpoint-trust.ts'
import { parseHttpUrl, type ServerEndpoints } from './server-endpoints.ts'
import { TransportError } from './transport-failure.ts'

// The API editor validates its body with this; it lives with the JSON scanner.
export { parseJsonText }

export type ApiOutcome =
  | {
      kind: 'response'
      status: number
      statusText: string
      headers: HeaderRow[]
      body: string
      /** The body as JSON when it is JSON text, whatever the Content-Type says. */
      json: unknown | undefined
      exchange: HttpExchange
    }
  | {
      kind: 'invalid_input'
      message: string
      field?: string
      /** Set when only the person's confirmation of this origin stands between the request and sending. */
      unconfirmed_origin?: string
    }
  | { kind: 'transport'; failure: TransportFailure; exchange: HttpExchange | null }

export interface ApiRequestInput extends RecordInput {
  method: string
  url: string
  headers: ParamRow[]
  /** Ignored for GET and HEAD, which carry no body. */
  body: string | null
  /** Sent as `Authorization: Bearer …` unless a header row sets Authorization itself. */
  bearer?: string | null
  /** The bearer token's `token_type`: a DPoP-bound token is never sent as Bearer. */
  bearer_token_type?: string
  /**
   * The environment's issuer and the origins confirmed for it: credentials (a bearer token or an
   * Authorization header) go off the issuer's origin only once the person confirmed it.
   */
  trust?: Pick<ServerEndpoints, 'issuer' | 'confirmed_origins'>
}

/** RFC 9110 §5.6.2: a method is a token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Sends any HTTP request (a protected API, a registration endpoint ...) and reports the response
 * whatever its status; only a missing response is a failure. Recorded under 'external-api'.
 * Credentials go off the issuer's origin only once confirmed; a DPoP token is never sent as Bearer.
 * RFC 6750 §2.1 (Bearer header), RFC 9449 §7.1, RFC 9110 §9.3.
 */
export async function sendApiRequest(input: ApiRequestInput): Promise<ApiOutcome> {
  const method = input.method.trim().toUpperCase()
  if (!TOKEN.test(method)) {
    return { kind: 'invalid_input', field: 'method', message: `"method" is not an HTTP method: got "${input.method}"` }
  }
  const url = parseHttpUrl(input.url, 'URL')
  if (!url.ok) return { kind: 'invalid_input', field: 'url', message: url.message }
  const headers = enabledParams(input.headers)
  const unsendable = headers.find((header) => !canSend(header))
  if (unsendable) {
    return {
      kind: 'invalid_input',
      field: 'headers',
      message: `Header "${unsendable[0]}" cannot be sent: a name must be a token and a value must not contain line breaks`,
    }
  }
  const bearer = input.bearer?.trim()
  const ownAuthorization = headers.some(([name]) => name.toLowerCase() === 'authorization')
  if (bearer && !ownAuthorization) {
    if (input.bearer_token_type && input.bearer_token_type.toLowerCase() === 'dpop') {
      return {
        kind: 'invalid_input',
        field: 'bearer',
        message:
          'This token\'s token_type is DPoP: it is bound to a proof-of-possession key and must be sent as ' +
          '"Authorization: DPoP" with a DPoP proof, never as Bearer (RFC 9449 §7.1). Nothing was sent.',
      }
    }
    headers.push(['Authorization', `Bearer ${bearer}`])
  }
  const unconfirmed = (bearer || ownAuthorization) && input.trust ? unconfirmedOrigin(input.trust, url.url, 'The request URL') : null
  if (unconfirmed) return { kind: 'invalid_input', field: 'url', message: unconfirmed, unconfirmed_origin: url.url.origin }
  const sendsBody = input.body !== null && method !== 'GET' && method !== 'HEAD'
  const context = createRequestContext('external-api', input)
  try {
    await context.fetch(url.url, { method, headers, ...(sendsBody ? { body: input.body } : {}) })
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'transport', failure: error.failure, exchange: error.exchange }
    throw error
  }
  const exchange = context.exchange()
  if (!exchange?.response) throw new Error('the recording fetch returned a response without recording it')
  const { status, statusText, headers: replyHeaders, body } = exchange.response
  const parsed = parseJsonText(body)
  return {
    kind: 'response', status, statusText, headers: replyHeaders, body, json: parsed.ok ? parsed.value : undefined, exchange,
  }
}

function canSend(header: [string, string]): boolean {
  try {
    new Headers([header])
    return true
  } catch {
    return false
  }
}
