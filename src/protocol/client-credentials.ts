import * as oauth from 'oauth4webapi'
import { clientAuthentication } from './client-auth.ts'
import { enabledParams, type ParamRow } from './param-row.ts'
import { createRequestContext, type RecordInput } from './request-context.ts'
import { checkClient, requireEndpoint, type ClientInput } from './request-input.ts'
import { toAuthorizationServer } from './server-endpoints.ts'
import { requestTokens, type TokenOutcome } from './token-response.ts'

export type { TokenOutcome }

export interface ClientCredentialsInput extends ClientInput, RecordInput {
  /** Space-separated scopes; left out of the request when blank. */
  scope?: string
  /** Extra form parameters (audience, resource ...), sent in order. */
  extra?: ParamRow[]
}

/**
 * Asks the token endpoint for tokens with the client's own credentials. The exchange goes to
 * `input.record` under the step 'client-credentials' and comes back in the outcome. A 200 reply
 * oauth4webapi refuses still yields 'tokens' when it holds an access_token, the refusal listed in
 * `conformance`. RFC 6749 §4.4.
 */
export async function requestClientCredentials(input: ClientCredentialsInput): Promise<TokenOutcome> {
  const endpoint = requireEndpoint(input.server, 'token_endpoint')
  if (!endpoint.ok) return endpoint.failure
  const invalidClient = checkClient(input)
  if (invalidClient) return invalidClient
  const context = createRequestContext('client-credentials', input)
  const as = toAuthorizationServer(input.server)
  const client: oauth.Client = { client_id: input.client_id.trim() }
  const parameters = new URLSearchParams(enabledParams(input.extra))
  if (input.scope?.trim()) parameters.set('scope', input.scope.trim())
  return requestTokens(context, async () => {
    const auth = clientAuthentication(input.auth, input.client_secret)
    const response = await oauth.clientCredentialsGrantRequest(as, client, auth, parameters, context.options(endpoint.url))
    return oauth.processClientCredentialsResponse(as, client, response)
  })
}
