import * as oauth from 'oauth4webapi'
import { dpopHandle } from './dpop-request.ts'
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
  /** The key a DPoP-bound token is bound to: with it the token goes as `Authorization: DPoP` with a proof. */
  dpop?: CryptoKeyPair
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
 * Credentials go off the issuer's origin only once confirmed; a DPoP token is never sent as Bearer: with
 * its key it goes as `Authorization: DPoP` with a fresh proof carrying `ath`, retried once with the
 * server's nonce when challenged (both exchanges recorded); without its key nothing is sent.
 * RFC 6750 §2.1 (Bearer header), RFC 9449 §7.1, §9, RFC 9110 §9.3.
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
  const dpopBound = Boolean(bearer && !ownAuthorization && input.bearer_token_type?.toLowerCase() === 'dpop')
  if (bearer && !ownAuthorization) {
    if (dpopBound && !input.dpop) {
      return {
        kind: 'invalid_input',
        field: 'bearer',
        message:
          'This token\'s token_type is DPoP: it is bound to a proof-of-possession key and must be sent as ' +
          '"Authorization: DPoP" with a DPoP proof, never as Bearer (RFC 9449 §7.1), and this session holds no DPoP key ' +
          'for its environment. Nothing was sent.',
      }
    }
    if (!dpopBound) headers.push(['Authorization', `Bearer ${bearer}`])
  }
  const unconfirmed = (bearer || ownAuthorization) && input.trust ? unconfirmedOrigin(input.trust, url.url, 'The request URL') : null
  if (unconfirmed) return { kind: 'invalid_input', field: 'url', message: unconfirmed, unconfirmed_origin: url.url.origin }
  const sendsBody = input.body !== null && method !== 'GET' && method !== 'HEAD'
  const context = createRequestContext('external-api', input)
  try {
    if (dpopBound && bearer && input.dpop) {
      await sendWithDpop(bearer, input.dpop, method, url.url, headers, sendsBody ? input.body : null, context.options(url.url))
    } else {
      await context.fetch(url.url, { method, headers, ...(sendsBody ? { body: input.body } : {}) })
    }
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

/**
 * Sends a DPoP-bound token with a fresh proof (htm, htu, ath) through the recording fetch; a
 * `use_dpop_nonce` challenge is answered once with the nonce the server sent. Any other challenge is
 * simply the reply, shown like every other status. RFC 9449 §7.1, §9.
 */
async function sendWithDpop(
  token: string,
  keyPair: CryptoKeyPair,
  method: string,
  url: URL,
  headers: [string, string][],
  body: string | null,
  options: ReturnType<ReturnType<typeof createRequestContext>['options']>,
): Promise<void> {
  const DPoP = dpopHandle({ client_id: 'oauth-console' }, keyPair)
  const recordingFetch = options[oauth.customFetch]
  const send = () =>
    oauth.protectedResourceRequest(token, method, url, new Headers(headers), body, {
      [oauth.allowInsecureRequests]: options[oauth.allowInsecureRequests],
      // The body is always a string here, so the library's wider body type never reaches the recording fetch.
      [oauth.customFetch]: (target, init) => recordingFetch(target, init as RequestInit),
      ...(DPoP ? { DPoP } : {}),
    })
  try {
    await send()
  } catch (error) {
    if (!(error instanceof oauth.WWWAuthenticateChallengeError)) throw error
    if (!oauth.isDPoPNonceError(error)) return
    try {
      await send()
    } catch (retryError) {
      if (!(retryError instanceof oauth.WWWAuthenticateChallengeError)) throw retryError
    }
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
