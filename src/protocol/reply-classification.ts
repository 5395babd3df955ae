import type { HeaderRow, HttpExchange } from './http-exchange.ts'
import { headerValue, readReplyBody } from './reply-body.ts'
import type { RequestFailure } from './request-failure.ts'

/** A reply the library refused although the HTTP exchange itself succeeded. */
export interface Conformance {
  kind: 'conformance'
  message: string
  code?: string
}

/**
 * Explains an unsuccessful reply: an OAuth error when the body is a JSON object with a string
 * `error` (or, lacking one, the WWW-Authenticate header names an `error`), otherwise what arrived
 * instead. RFC 6749 §5.2, RFC 6750 §3.
 */
export function classifyErrorReply(
  response: { status: number; headers: readonly HeaderRow[] | Headers; body: string },
  exchange: HttpExchange | null,
): RequestFailure {
  const { status } = response
  const contentType = headerValue(response.headers, 'content-type')
  if (status === 0 || (status >= 300 && status < 400)) {
    return { kind: 'not_oauth', status, contentType, reason: 'a redirect', exchange }
  }
  const body = readReplyBody(response.body, contentType)
  if (body.kind === 'object' && typeof body.value.error === 'string' && body.value.error !== '') {
    const { error, error_description, error_uri } = body.value
    return {
      kind: 'oauth_error', status, error, exchange,
      ...(typeof error_description === 'string' ? { error_description } : {}),
      ...(typeof error_uri === 'string' ? { error_uri } : {}),
    }
  }
  const challenge = challengeError(headerValue(response.headers, 'www-authenticate'))
  if (challenge) return { kind: 'oauth_error', status, ...challenge, exchange }
  const reason = body.kind === 'object' ? 'a JSON object without an "error" string' : body.reason
  return { kind: 'not_oauth', status, contentType, reason, exchange }
}

/** `error`, `error_description` and `error_uri` from a WWW-Authenticate header. RFC 6750 §3. */
function challengeError(header: string | null): { error: string; error_description?: string; error_uri?: string } | null {
  if (header === null) return null
  const error = challengeParam(header, 'error')
  if (!error) return null
  const error_description = challengeParam(header, 'error_description')
  const error_uri = challengeParam(header, 'error_uri')
  return {
    error,
    ...(error_description === undefined ? {} : { error_description }),
    ...(error_uri === undefined ? {} : { error_uri }),
  }
}

function challengeParam(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s,])${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s,"]+))`, 'i').exec(header)
  if (!match) return undefined
  return match[1] === undefined ? match[2] : match[1].replace(/\\(.)/g, '$1')
}
