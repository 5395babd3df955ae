import type * as oauth from 'oauth4webapi'
import { clientAuthentication } from './client-auth.ts'
import type { ExchangeStep } from './http-exchange.ts'
import { createRequestContext, type RecordInput, type RequestContext } from './request-context.ts'
import type { InvalidInput } from './request-failure.ts'
import { checkClient, requireEndpoint, type ClientInput } from './request-input.ts'
import { toAuthorizationServer, type EndpointKey } from './server-endpoints.ts'


/** Everything an authenticated request to one endpoint needs, once its input has been checked. */
export interface ClientRequest {
  url: URL
  context: RequestContext
  as: oauth.AuthorizationServer
  client: oauth.Client
  /** How this request authenticates the client, already checked. */
  auth: oauth.ClientAuth
}

/**
 * Checks, in order, the endpoint, the client and the request's own field (`fieldProblem`), and only then
 * prepares the recording context: nothing is sent, or logged, for input that cannot work. RFC 6749 §2.3.1.
 */
export function prepareClientRequest(
  input: ClientInput & RecordInput,
  endpointKey: EndpointKey,
  step: ExchangeStep,
  fieldProblem: InvalidInput | null = null,
): { ok: true; request: ClientRequest } | { ok: false; failure: InvalidInput } {
  const endpoint = requireEndpoint(input.server, endpointKey)
  if (!endpoint.ok) return endpoint
  const invalid = checkClient(input) ?? fieldProblem
  if (invalid) return { ok: false, failure: invalid }
  return {
    ok: true,
    request: {
      url: endpoint.url,
      context: createRequestContext(step, input),
      as: toAuthorizationServer(input.server),
      client: {
        client_id: input.client_id.trim(),
        ...(input.id_token_signed_response_alg ? { id_token_signed_response_alg: input.id_token_signed_response_alg } : {}),
      },
      auth: clientAuthentication(input),
    },
  }
}
