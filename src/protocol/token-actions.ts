import * as oauth from 'oauth4webapi'
import { prepareClientRequest } from './client-request.ts'
import { dpopHandle, withDPoPNonceRetry } from './dpop-request.ts'
import type { HttpExchange } from './http-exchange.ts'
import { settleReply } from './reply-settlement.ts'
import { createRequestContext, type RecordInput } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'
import { requireEndpoint, type ClientInput } from './request-input.ts'
import { toAuthorizationServer, type ServerEndpoints } from './server-endpoints.ts'
import { requestTokens, type TokenOutcome } from './token-response.ts'
import { unsendableHeader } from './transport-failure.ts'

type Claims = Record<string, unknown>

export type IntrospectionOutcome =
  | { kind: 'introspection'; claims: Claims; active: boolean; conformance: string[]; exchange: HttpExchange | null }
  | RequestFailure
export type RevocationOutcome = { kind: 'revoked'; conformance: string[]; exchange: HttpExchange | null } | RequestFailure
export type UserinfoOutcome =
  | { kind: 'userinfo'; claims: Claims; conformance: string[]; exchange: HttpExchange | null }
  | RequestFailure

export interface TokenActionInput extends ClientInput, RecordInput {
  token: string
  /** "access_token" or "refresh_token": helps the server find the token faster. */
  token_type_hint?: string
}

function emptyToken(field: string): Extract<RequestFailure, { kind: 'invalid_input' }> {
  return { kind: 'invalid_input', field, message: `"${field}" is empty: obtain a token first` }
}

function hintParameters(hint: string | undefined): { additionalParameters?: Record<string, string> } {
  return hint?.trim() ? { additionalParameters: { token_type_hint: hint.trim() } } : {}
}

/** Asks the introspection endpoint whether a token is active and what it stands for. RFC 7662 §2. */
export async function introspectToken(input: TokenActionInput): Promise<IntrospectionOutcome> {
  const prepared = prepareClientRequest(input, 'introspection_endpoint', 'introspection', input.token === '' ? emptyToken('token') : null)
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const settled = await settleReply(
    context,
    async () => {
      const options = { ...context.options(url), ...hintParameters(input.token_type_hint) }
      return oauth.processIntrospectionResponse(as, client, await oauth.introspectionRequest(as, client, auth, input.token, options))
    },
    (body) => (body.kind === 'object' ? body.value : null),
    'an introspection response',
  )
  if (settled.kind !== 'usable') return settled
  const { value: claims, conformance, exchange } = settled
  return { kind: 'introspection', claims, active: claims.active === true, conformance, exchange }
}

export interface RefreshInput extends ClientInput, RecordInput {
  refresh_token: string
  scope?: string
  /** The `token_type` of the tokens being refreshed: DPoP-bound ones are refreshed only with a proof. */
  token_type?: string
  /** The key the tokens are bound to: the refresh carries a proof from it. RFC 9449 §5. */
  dpop?: CryptoKeyPair
}

function refreshProblem(input: RefreshInput): Extract<RequestFailure, { kind: 'invalid_input' }> | null {
  if (input.refresh_token === '') return emptyToken('refresh_token')
  if (input.token_type?.toLowerCase() === 'dpop' && !input.dpop) {
    return {
      kind: 'invalid_input',
      field: 'dpop',
      message:
        'These tokens are DPoP-bound: their refresh must carry a DPoP proof from the same key (RFC 9449 §5), and this session ' +
        'holds no DPoP key for their environment (keys live in memory only, so a reload loses them). Nothing was sent: ' +
        'get new tokens with "Use DPoP" on.',
    }
  }
  return null
}

/**
 * Trades a refresh token for new tokens; `scope` may narrow them. With the DPoP key of the tokens the request
 * carries a proof, so the server can check the refresh token's binding (public clients) and binds the new access
 * token; a `use_dpop_nonce` refusal is retried once. RFC 6749 §6, RFC 9449 §5.
 */
export async function refreshTokens(input: RefreshInput): Promise<TokenOutcome> {
  const prepared = prepareClientRequest(input, 'token_endpoint', 'refresh', refreshProblem(input))
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const scope = input.scope?.trim()
  const DPoP = dpopHandle(client, input.dpop)
  return requestTokens(context, () =>
    withDPoPNonceRetry(DPoP, async () => {
      const options = { ...context.options(url), ...(scope ? { additionalParameters: { scope } } : {}), ...(DPoP ? { DPoP } : {}) }
      return oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, input.refresh_token, options))
    }),
  )
}

/** Asks the revocation endpoint to invalidate a token; any 200 reply means done. RFC 7009 §2. */
export async function revokeToken(input: TokenActionInput): Promise<RevocationOutcome> {
  const prepared = prepareClientRequest(input, 'revocation_endpoint', 'revocation', input.token === '' ? emptyToken('token') : null)
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const settled = await settleReply(
    context,
    async () => {
      const options = { ...context.options(url), ...hintParameters(input.token_type_hint) }
      return oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, input.token, options))
    },
    // RFC 7009 §2.2: the body of a successful revocation is ignored.
    () => true,
    'a revocation response',
  )
  if (settled.kind !== 'usable') return settled
  return { kind: 'revoked', conformance: settled.conformance, exchange: settled.exchange }
}

/**
 * Reads the claims the UserInfo endpoint returns for an access token, sent as Bearer; a DPoP-bound
 * token is refused rather than sent as Bearer. `client_id` only matters
 * for signed (JWT) replies, whose audience it is. OpenID Connect Core 1.0 §5.3.
 */
export async function fetchUserinfo(
  input: RecordInput & { server: ServerEndpoints; access_token: string; client_id?: string; token_type?: string },
): Promise<UserinfoOutcome> {
  const endpoint = requireEndpoint(input.server, 'userinfo_endpoint')
  if (!endpoint.ok) return endpoint.failure
  if (input.access_token === '') return emptyToken('access_token')
  if (input.token_type?.toLowerCase() === 'dpop') {
    return {
      kind: 'invalid_input',
      field: 'access_token',
      message:
        'This token\'s token_type is DPoP: it is bound to a proof-of-possession key and must be sent with a DPoP proof, ' +
        'never as Bearer (RFC 9449 §7.1). Nothing was sent.',
    }
  }
  // oauth4webapi sets the header itself, before any fetch of ours could name the problem.
  const unsendable = unsendableHeader({ Authorization: `Bearer ${input.access_token}` })
  if (unsendable) return { kind: 'transport', failure: unsendable, exchange: null }
  const context = createRequestContext('userinfo', input)
  const as = toAuthorizationServer(input.server)
  const client: oauth.Client = { client_id: input.client_id?.trim() || 'oauth-console' }
  const settled = await settleReply(
    context,
    async () => {
      const response = await oauth.userInfoRequest(as, client, input.access_token, context.options(endpoint.url))
      return oauth.processUserInfoResponse(as, client, oauth.skipSubjectCheck, response)
    },
    (body) => (body.kind === 'object' ? body.value : null),
    'a UserInfo response',
  )
  if (settled.kind !== 'usable') return settled
  return { kind: 'userinfo', claims: settled.value, conformance: settled.conformance, exchange: settled.exchange }
}
