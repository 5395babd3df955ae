import * as oauth from 'oauth4webapi'
import type { HttpExchange } from './http-exchange.ts'
import { classifyErrorReply, type Conformance } from './reply-classification.ts'
import type { RequestFailure } from './request-failure.ts'
import { TransportError } from './transport-failure.ts'

// Apart from classifyErrorReply, which the first view uses: this needs oauth4webapi's error classes.

/**
 * Turns whatever oauth4webapi (or the recording fetch) threw into a plain object: the library's
 * error objects hold whole replies and are never kept. A refused successful reply becomes
 * `conformance`, for the caller to decide whether the reply is still usable.
 * RFC 6749 §5.2 and oauth4webapi's error codes.
 */
export function fromLibraryError(error: unknown, exchange: HttpExchange | null): RequestFailure | Conformance {
  if (error instanceof TransportError) return { kind: 'transport', failure: error.failure, exchange: error.exchange }
  const reply = exchange?.response
  if (reply && (reply.status < 200 || reply.status > 299)) return classifyErrorReply(reply, exchange)
  if (error instanceof oauth.ResponseBodyError) {
    return {
      kind: 'oauth_error', status: error.status, error: error.error, exchange,
      ...(typeof error.error_description === 'string' ? { error_description: error.error_description } : {}),
      ...(typeof error.cause.error_uri === 'string' ? { error_uri: error.cause.error_uri } : {}),
    }
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const named = error.cause.find((challenge) => challenge.parameters.error)?.parameters
    if (named?.error && !reply) {
      return {
        kind: 'oauth_error', status: error.status, error: named.error, exchange,
        ...(named.error_description === undefined ? {} : { error_description: named.error_description }),
        ...(named.error_uri === undefined ? {} : { error_uri: named.error_uri }),
      }
    }
    return { kind: 'conformance', message: error.message, code: error.code }
  }
  if (error instanceof oauth.OperationProcessingError) {
    if (error.code !== undefined && NOT_SENT.has(error.code)) return { kind: 'invalid_input', message: error.message }
    return { kind: 'conformance', message: error.message, ...(error.code === undefined ? {} : { code: error.code }) }
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return { kind: 'conformance', message: error.message, code: error.code }
  }
  if (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_INVALID_ARG')) {
    return { kind: 'invalid_input', message: error.message }
  }
  return { kind: 'conformance', message: error instanceof Error ? error.message : 'an unexpected failure' }
}

/** Codes oauth4webapi raises before sending anything: the input, not the server, is at fault. */
const NOT_SENT = new Set<string>([
  oauth.HTTP_REQUEST_FORBIDDEN,
  oauth.REQUEST_PROTOCOL_FORBIDDEN,
  oauth.MISSING_SERVER_METADATA,
  oauth.INVALID_SERVER_METADATA,
])
