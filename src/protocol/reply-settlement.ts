import type { HttpExchange } from './http-exchange.ts'
import { fromLibraryError } from './library-error.ts'
import { headerValue, isJsonObject, readReplyBody, type ReplyBody } from './reply-body.ts'
import type { RequestContext } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'

/** A reply the console can use, with what the library objected to, or why it cannot be used. */
export type Settled<T> =
  | { kind: 'usable'; value: T; conformance: string[]; exchange: HttpExchange | null }
  | RequestFailure

/**
 * Runs an oauth4webapi request and its processing, then settles the recorded reply: usable when
 * the library accepted it, or refused it yet `read` still finds what the flow needs (the refusal
 * goes to `conformance`); otherwise the reason, classified from the recorded reply. `expected`
 * names the reply in messages ("a token response"). RFC 6749 §5.1-5.2.
 */
export async function settleReply<T>(
  context: RequestContext,
  run: () => Promise<unknown>,
  read: (body: ReplyBody) => T | null,
  expected: string,
): Promise<Settled<T>> {
  let objection: string | null = null
  let accepted: unknown
  try {
    accepted = await run()
  } catch (error) {
    const mapped = fromLibraryError(error, context.exchange())
    if (mapped.kind !== 'conformance') return mapped
    objection = mapped.message
  }
  const exchange = context.exchange()
  const reply = exchange?.response
  if (!exchange || !reply) {
    // Only an error raised before sending leaves no reply: the input was at fault.
    return { kind: 'invalid_input', message: objection ?? `${expected} could not be requested` }
  }
  const contentType = headerValue(reply.headers, 'content-type')
  const body = readReplyBody(reply.body, contentType)
  // The library's result stands in when the recorded body is not JSON (a JWT UserInfo reply).
  const value = read(body) ?? (objection === null && isJsonObject(accepted) ? read({ kind: 'object', value: accepted }) : null)
  if (value !== null) return { kind: 'usable', value, conformance: objection ? [objection] : [], exchange }
  if (body.kind === 'unusable') return { kind: 'not_oauth', status: reply.status, contentType, reason: body.reason, exchange }
  const { error, error_description } = body.value
  if (typeof error === 'string' && error !== '') {
    return {
      kind: 'oauth_error', status: reply.status, error, exchange,
      ...(typeof error_description === 'string' ? { error_description } : {}),
    }
  }
  const reason = `a JSON object that is not ${expected}${objection ? `: ${objection}` : ''}`
  return { kind: 'not_oauth', status: reply.status, contentType, reason, exchange }
}
