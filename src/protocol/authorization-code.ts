import * as oauth from 'oauth4webapi'
import { prepareClientRequest } from './client-request.ts'
import { dpopHandle, withDPoPNonceRetry } from './dpop-request.ts'
import type { HttpExchange } from './http-exchange.ts'
import { enabledParams, type ParamRow } from './param-row.ts'
import { settleReply } from './reply-settlement.ts'
import type { RecordInput } from './request-context.ts'
import type { InvalidInput, RequestFailure } from './request-failure.ts'
import { requireEndpoint, type ClientInput } from './request-input.ts'
import { parseHttpUrl, type ServerEndpoints } from './server-endpoints.ts'
import { requestTokens, type TokenOutcome } from './token-response.ts'


/** What the authorization request says, before it is sent or pushed. RFC 6749 §4.1.1. */
export interface AuthorizationRequestInput {
  client_id: string
  redirect_uri: string
  scope: string
  state: string
  /** Sent when the scope asks for an ID token (OIDC Core §3.1.2.1). */
  nonce?: string
  /** The S256 challenge of the code_verifier, when PKCE is on (RFC 7636 §4.3). */
  code_challenge?: string
  /** The thumbprint of the DPoP key the code is to be bound to (RFC 9449 §10). */
  dpop_jkt?: string
  /** prompt, login_hint, acr_values, claims ...: set after the core parameters, so a row can override one. */
  extra?: ParamRow[]
}

/** Whether the scope asks for OpenID Connect (and so an ID token and a nonce). OIDC Core §3.1.2.1. */
export function asksForIdToken(scope: string): boolean {
  return scope.split(/\s+/).includes('openid')
}

/** The authorization request's parameters, in the order people read them. RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 9449 §10. */
export function authorizationParameters(input: AuthorizationRequestInput): URLSearchParams {
  const parameters = new URLSearchParams({ response_type: 'code', client_id: input.client_id.trim(), redirect_uri: input.redirect_uri.trim() })
  if (input.scope.trim() !== '') parameters.set('scope', input.scope.trim())
  parameters.set('state', input.state)
  if (input.nonce) parameters.set('nonce', input.nonce)
  if (input.code_challenge) {
    parameters.set('code_challenge', input.code_challenge)
    parameters.set('code_challenge_method', 'S256')
  }
  if (input.dpop_jkt) parameters.set('dpop_jkt', input.dpop_jkt)
  for (const [name, value] of enabledParams(input.extra)) parameters.set(name, value)
  return parameters
}

/** Why the redirect URI cannot bring the browser back, or null. RFC 6749 §3.1.2. */
export function checkRedirectUri(redirect_uri: string): InvalidInput | null {
  const parsed = parseHttpUrl(redirect_uri, 'Redirect URI')
  if (!parsed.ok) return { kind: 'invalid_input', field: 'redirect_uri', message: parsed.message }
  if (parsed.url.hash !== '') {
    return { kind: 'invalid_input', field: 'redirect_uri', message: '"Redirect URI" must not contain a fragment (#...)' }
  }
  return null
}

/** What is known of the client before the browser leaves: its registration reply, when this console registered it. */
export interface AuthorizationPreflightInput {
  redirect_uri: string
  /** This console's own callback URL, where the flow can finish. */
  consoleCallback: string
  /** The client's registration reply (RFC 7591 §3.2.1), or undefined when the console does not know it. */
  registration?: Record<string, unknown> | undefined
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null
}

function sameUrl(a: string, b: string): boolean {
  return URL.canParse(a.trim()) && URL.canParse(b) && new URL(a.trim()).href === new URL(b).href
}

/**
 * What will go wrong after Authorize, said before: a redirect URI that is not this console's callback (the
 * code goes elsewhere), or one the client did not register, and a client registered without the
 * authorization_code grant; the server answers both on its own error page, never back here. RFC 6749
 * §3.1.2.4, §4.1.2.1, RFC 7591 §2.
 */
export function authorizationPreflight(input: AuthorizationPreflightInput): string[] {
  const warnings: string[] = []
  const redirect_uri = input.redirect_uri.trim()
  if (redirect_uri !== '' && !sameUrl(redirect_uri, input.consoleCallback)) {
    warnings.push(
      `The redirect URI is not this console's callback (${input.consoleCallback}): the server will send the code to ${redirect_uri}, so this console cannot exchange it.`,
    )
  }
  const registered = stringList(input.registration?.redirect_uris)
  if (registered && redirect_uri !== '' && !registered.some((uri) => uri === redirect_uri)) {
    warnings.push(
      `The client registered ${registered.length > 0 ? `redirect_uris ${registered.join(', ')}` : 'no redirect_uris'}, not this one: the server will show an error page instead of sending the browser back (RFC 6749 §3.1.2.4).`,
    )
  }
  const grants = stringList(input.registration?.grant_types)
  if (grants && !grants.includes('authorization_code')) {
    warnings.push(
      `The client registered grant_types ${grants.length > 0 ? grants.join(', ') : '(none)'}, without authorization_code: the server will refuse it (unauthorized_client). Register a client for this flow, or choose another.`,
    )
  }
  return warnings
}

/**
 * The URL the browser is sent to: the authorization endpoint with the parameters in its query, any query
 * the endpoint already has kept. RFC 6749 §3.1.
 */
export function authorizationUrl(
  server: ServerEndpoints,
  parameters: URLSearchParams,
): { ok: true; url: URL } | { ok: false; failure: InvalidInput } {
  const endpoint = requireEndpoint(server, 'authorization_endpoint')
  if (!endpoint.ok) return endpoint
  const url = new URL(endpoint.url)
  for (const [name, value] of parameters) url.searchParams.set(name, value)
  return { ok: true, url }
}

/** After a pushed request only client_id and request_uri travel through the browser. RFC 9126 §4. */
export function pushedAuthorizationParameters(client_id: string, request_uri: string): URLSearchParams {
  return new URLSearchParams({ client_id: client_id.trim(), request_uri })
}

export interface PushedRequest {
  request_uri: string
  expires_in: number
}

export type PushOutcome =
  | { kind: 'pushed'; pushed: PushedRequest; conformance: string[]; exchange: HttpExchange | null }
  | RequestFailure

export interface PushInput extends ClientInput, RecordInput {
  parameters: URLSearchParams
  DPoP?: oauth.DPoPHandle
}

function readPushed(value: Record<string, unknown>): PushedRequest | null {
  if (typeof value.request_uri !== 'string' || value.request_uri === '') return null
  return { request_uri: value.request_uri, expires_in: typeof value.expires_in === 'number' ? value.expires_in : 0 }
}

/**
 * Pushes the authorization request to the PAR endpoint with the chosen client authentication, recorded as
 * 'pushed-authorization'. RFC 9126 §2.
 */
export async function pushAuthorizationRequest(input: PushInput): Promise<PushOutcome> {
  const prepared = prepareClientRequest(input, 'pushed_authorization_request_endpoint', 'pushed-authorization')
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const settled = await settleReply(
    context,
    async () => {
      const options = { ...context.options(url), ...(input.DPoP ? { DPoP: input.DPoP } : {}) }
      const response = await oauth.pushedAuthorizationRequest(as, client, auth, input.parameters, options)
      return oauth.processPushedAuthorizationResponse(as, client, response)
    },
    (body) => (body.kind === 'object' ? readPushed(body.value) : null),
    'a pushed authorization response',
  )
  if (settled.kind !== 'usable') return settled
  return { kind: 'pushed', pushed: settled.value, conformance: settled.conformance, exchange: settled.exchange }
}

export interface CodeExchangeInput extends ClientInput, RecordInput {
  /** The redirect's parameters as parseCallback checked them. */
  callbackParameters: URLSearchParams
  redirect_uri: string
  /** Null when the request went without PKCE. */
  code_verifier: string | null
  /** The nonce sent, so oauth4webapi checks the ID token's; null when none was. */
  nonce: string | null
  /** Set to bind the tokens to this key with a DPoP proof: the key `dpop_jkt` named, when it was sent. RFC 9449 §5, §10. */
  dpop?: CryptoKeyPair
}

/**
 * Redeems the authorization code at the token endpoint with the chosen client authentication and, when
 * PKCE was used, the code_verifier; recorded as 'authorization-code'. What oauth4webapi objects to in the
 * reply (an ID token's nonce, audience ...) is a conformance note. With a DPoP key the request carries a proof,
 * a `use_dpop_nonce` refusal retried once (the code is not spent by it). RFC 6749 §4.1.3, RFC 7636 §4.5, RFC 9449 §5.
 */
export async function exchangeAuthorizationCode(input: CodeExchangeInput): Promise<TokenOutcome> {
  const redirectProblem = checkRedirectUri(input.redirect_uri)
  const prepared = prepareClientRequest(input, 'token_endpoint', 'authorization-code', redirectProblem)
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const DPoP = dpopHandle(client, input.dpop)
  return requestTokens(context, () =>
    withDPoPNonceRetry(DPoP, async () => {
      const options = { ...context.options(url), ...(DPoP ? { DPoP } : {}) }
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        auth,
        input.callbackParameters,
        input.redirect_uri.trim(),
        input.code_verifier ?? oauth.nopkce,
        options,
      )
      return oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: input.nonce ?? oauth.expectNoNonce,
        requireIdToken: input.nonce !== null,
      })
    }),
  )
}
