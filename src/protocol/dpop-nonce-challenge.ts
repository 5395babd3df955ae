import type { HttpExchange } from './http-exchange.ts'
import { headerValue, isJsonObject } from './reply-body.ts'

/** A `use_dpop_nonce` refusal the request met and answered with a new proof carrying the nonce. RFC 9449 §8. */
export interface DpopNonceChallenge {
  /** The DPoP-Nonce header of the refusal, null when the browser could not read it. */
  nonce: string | null
  /** The refused exchange, recorded like any other. */
  exchange: HttpExchange
}

/** Whether the request carried a DPoP proof (its `DPoP` header). RFC 9449 §4.1. */
export function carriedDpopProof(exchange: HttpExchange | null): boolean {
  return exchange !== null && headerValue(exchange.request.headers, 'dpop') !== null
}

function isNonceRefusal(exchange: HttpExchange): boolean {
  const reply = exchange.response
  if (!reply || !carriedDpopProof(exchange)) return false
  try {
    const body: unknown = JSON.parse(reply.body)
    return isJsonObject(body) && body.error === 'use_dpop_nonce'
  } catch {
    return false
  }
}

/**
 * The nonce challenge before the request's last exchange, when there was one: the exchanges of one
 * request, in the order sent, where the next-to-last was refused with `use_dpop_nonce` and the last is
 * the retry. RFC 9449 §8.
 */
export function dpopNonceChallenge(exchanges: readonly HttpExchange[]): DpopNonceChallenge | null {
  const refused = exchanges.at(-2)
  if (!refused || !isNonceRefusal(refused) || !carriedDpopProof(exchanges.at(-1) ?? null)) return null
  return { nonce: refused.response ? headerValue(refused.response.headers, 'dpop-nonce') : null, exchange: refused }
}
