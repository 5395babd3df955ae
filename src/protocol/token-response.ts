import { z } from 'zod/mini'
import { carriedDpopProof, dpopNonceChallenge, type DpopNonceChallenge } from './dpop-nonce-challenge.ts'
import { withoutUndefined } from './reply-body.ts'
import type { HttpExchange } from './http-exchange.ts'
import { settleReply } from './reply-settlement.ts'
import type { RequestContext } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'

/** A successful token response as the server sent it, extra members kept. RFC 6749 §5.1. */
export interface TokenSet {
  access_token: string
  token_type: string
  expires_in?: number
  refresh_token?: string
  id_token?: string
  scope?: string
  [k: string]: unknown
}

const optionalString = z.catch(z.optional(z.string()), undefined)

/** expires_in sometimes arrives as text ("3600"); a value that is no lifetime at all is dropped. */
const lifetime = z.pipe(
  z.transform((value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value)),
  z.catch(z.optional(z.number().check(z.nonnegative())), undefined),
)

const tokenSetSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  // Kept as sent: "Bearer", "bearer" and "BEARER" are one type (RFC 6749 §5.1), and the console shows the reply.
  token_type: z.string().check(z.minLength(1)),
  expires_in: lifetime,
  refresh_token: optionalString,
  id_token: optionalString,
  scope: optionalString,
})

/**
 * Reads a token response body, leniently: it needs a non-empty `access_token` and `token_type`
 * (any case); optional members of the wrong type are dropped, not fatal, so a non-conforming
 * server's tokens stay usable. Null when the body is no token response. RFC 6749 §5.1.
 */
export function readTokenSet(body: unknown): TokenSet | null {
  const parsed = tokenSetSchema.safeParse(body)
  if (!parsed.success) return null
  return withoutUndefined<TokenSet>(parsed.data)
}

/**
 * What a token request came to: tokens (with what the library objected to, and the DPoP nonce challenge
 * met on the way, if any) or why not. RFC 6749 §5, RFC 9449 §8.
 */
export type TokenOutcome =
  | { kind: 'tokens'; tokens: TokenSet; conformance: string[]; exchange: HttpExchange | null; dpopNonce?: DpopNonceChallenge }
  | RequestFailure

/** Settles a token endpoint request into a TokenOutcome. RFC 6749 §5.1-5.2. */
export async function requestTokens(context: RequestContext, run: () => Promise<unknown>): Promise<TokenOutcome> {
  const settled = await settleReply(
    context,
    run,
    (body) => (body.kind === 'object' ? readTokenSet(body.value) : null),
    'a token response',
  )
  if (settled.kind !== 'usable') return settled
  // A DPoP token is what a request with a proof asks for; without one, the server bound it to a key it never saw.
  const unasked =
    settled.value.token_type.toLowerCase() === 'dpop' && !carriedDpopProof(settled.exchange)
      ? ['token_type is DPoP although the request carried no DPoP proof, so there is no key to prove it with; the console will not send it as Bearer (RFC 9449 §5, §7.1)']
      : []
  const challenge = dpopNonceChallenge(context.exchanges())
  return {
    kind: 'tokens', tokens: settled.value, conformance: [...settled.conformance, ...unasked], exchange: settled.exchange,
    ...(challenge ? { dpopNonce: challenge } : {}),
  }
}
