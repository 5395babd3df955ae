import type { HttpExchange } from './http-exchange.ts'
import { headerValue, readReplyBody } from './reply-body.ts'
import { classifyErrorReply } from './reply-classification.ts'
import { TransportError } from './recording-fetch.ts'
import { createRequestContext, type RecordInput } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'
import { requireEndpoint } from './request-input.ts'
import type { ServerEndpoints } from './server-endpoints.ts'

export type JwksOutcome = { kind: 'jwks'; jwks: Record<string, unknown>; exchange: HttpExchange } | RequestFailure

/**
 * Fetches the server's signing keys from `jwks_uri`, recorded as step 'jwks'. The set itself is checked
 * by jwt.ts when it is used; here only "a JSON object came back" is required. RFC 8414 §2, RFC 7517 §5.
 */
export async function fetchJwks(input: { server: ServerEndpoints } & RecordInput): Promise<JwksOutcome> {
  const endpoint = requireEndpoint(input.server, 'jwks_uri')
  if (!endpoint.ok) return endpoint.failure
  const context = createRequestContext('jwks', input)
  try {
    await context.fetch(endpoint.url, { headers: { accept: 'application/jwk-set+json, application/json' } })
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'transport', failure: error.failure, exchange: error.exchange }
    throw error
  }
  const exchange = context.exchange()
  const reply = exchange?.response
  if (!exchange || !reply) return { kind: 'invalid_input', message: 'The JWKS request was not recorded' }
  if (reply.status < 200 || reply.status > 299) return classifyErrorReply(reply, exchange)
  const contentType = headerValue(reply.headers, 'content-type')
  const body = readReplyBody(reply.body, contentType)
  if (body.kind === 'unusable') return { kind: 'not_oauth', status: reply.status, contentType, reason: body.reason, exchange }
  return { kind: 'jwks', jwks: body.value, exchange }
}
