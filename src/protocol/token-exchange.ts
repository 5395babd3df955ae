import * as oauth from 'oauth4webapi'
import { prepareClientRequest } from './client-request.ts'
import type { RecordInput } from './request-context.ts'
import type { InvalidInput } from './request-failure.ts'
import type { ClientInput } from './request-input.ts'
import { requestTokens, type TokenOutcome } from './token-response.ts'

export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** The token type identifiers RFC 8693 §3 defines, by the field they name. */
export const TOKEN_TYPE_URIS = {
  access_token: 'urn:ietf:params:oauth:token-type:access_token',
  refresh_token: 'urn:ietf:params:oauth:token-type:refresh_token',
  id_token: 'urn:ietf:params:oauth:token-type:id_token',
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const

export interface TokenExchangeInput extends ClientInput, RecordInput {
  subject_token: string
  subject_token_type: string
  actor_token?: string
  actor_token_type?: string
  requested_token_type?: string
  audience?: string
  resource?: string
  scope?: string
}

/** Why `resource` cannot be sent: it must be an absolute URI without a fragment. RFC 8693 §2.1, RFC 8707 §2. */
function resourceProblem(resource: string | undefined): InvalidInput | null {
  const value = (resource ?? '').trim()
  if (value === '') return null
  if (!URL.canParse(value)) {
    return { kind: 'invalid_input', field: 'resource', message: '"resource" must be an absolute URI such as https://api.example/ (RFC 8693 §2.1, RFC 8707 §2); leave it empty to send none' }
  }
  if (value.includes('#')) return { kind: 'invalid_input', field: 'resource', message: '"resource" must not contain a fragment (#...) (RFC 8707 §2)' }
  return null
}

/**
 * Exchanges one token for another at the token endpoint (grant type
 * urn:ietf:params:oauth:grant-type:token-exchange) with the chosen client authentication; optional members
 * left blank are not sent. Recorded as 'token-exchange'. RFC 8693 §2.1-2.2.
 */
export async function requestTokenExchange(input: TokenExchangeInput): Promise<TokenOutcome> {
  const problem =
    input.subject_token.trim() === ''
      ? { kind: 'invalid_input' as const, field: 'subject_token', message: '"subject_token" is empty: choose the token to exchange' }
      : (input.actor_token ?? '').trim() !== '' && (input.actor_token_type ?? '').trim() === ''
        ? { kind: 'invalid_input' as const, field: 'actor_token_type', message: '"actor_token_type" is required with an actor_token (RFC 8693 §2.1)' }
        : resourceProblem(input.resource)
  const prepared = prepareClientRequest(input, 'token_endpoint', 'token-exchange', problem)
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const parameters = new URLSearchParams({ subject_token: input.subject_token.trim(), subject_token_type: input.subject_token_type })
  const optional = ['actor_token', 'actor_token_type', 'requested_token_type', 'audience', 'resource', 'scope'] as const
  for (const name of optional) {
    const value = input[name]?.trim()
    if (value) parameters.set(name, value)
  }
  return requestTokens(context, async () => {
    const response = await oauth.genericTokenEndpointRequest(as, client, auth, TOKEN_EXCHANGE_GRANT_TYPE, parameters, context.options(url))
    return oauth.processGenericTokenEndpointResponse(as, client, response)
  })
}
