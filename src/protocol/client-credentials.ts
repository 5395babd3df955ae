import * as oauth from 'oauth4webapi'
import { prepareClientRequest } from './client-request.ts'
import { dpopHandle, withDPoPNonceRetry } from './dpop-request.ts'
import { enabledParams, type ParamRow } from './param-row.ts'
import type { RecordInput } from './request-context.ts'
import type { ClientInput } from './request-input.ts'
import { requestTokens, type TokenOutcome } from './token-response.ts'

export type { TokenOutcome }

export interface ClientCredentialsInput extends ClientInput, RecordInput {
  /** Space-separated scopes; left out of the request when blank. */
  scope?: string
  /** Extra form parameters (audience, resource ...), sent in order. */
  extra?: ParamRow[]
  /** Set to bind the token to this key with DPoP proofs. RFC 9449 §5. */
  dpop?: CryptoKeyPair
}

/**
 * Asks the token endpoint for tokens with the client's own credentials. The exchange goes to
 * `input.record` under the step 'client-credentials' and comes back in the outcome. A 200 reply
 * oauth4webapi refuses still yields 'tokens' when it holds an access_token, the refusal listed in
 * `conformance`. RFC 6749 §4.4.
 */
export async function requestClientCredentials(input: ClientCredentialsInput): Promise<TokenOutcome> {
  const prepared = prepareClientRequest(input, 'token_endpoint', 'client-credentials')
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const parameters = new URLSearchParams(enabledParams(input.extra))
  if (input.scope?.trim()) parameters.set('scope', input.scope.trim())
  const DPoP = dpopHandle(client, input.dpop)
  return requestTokens(context, () =>
    withDPoPNonceRetry(DPoP, async () => {
      const response = await oauth.clientCredentialsGrantRequest(as, client, auth, parameters, { ...context.options(url), ...(DPoP ? { DPoP } : {}) })
      return oauth.processClientCredentialsResponse(as, client, response)
    }),
  )
}
