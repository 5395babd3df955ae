import type { HeaderRow } from './http-exchange.ts'
import { decodeToken, type DecodedToken } from './jwt.ts'

/**
 * The DPoP proof a request carried, decoded for the log (header: typ dpop+jwt, alg, jwk; claims: htm,
 * htu, iat, jti, nonce, ath), or null when the request sent none. A proof is signed by a key the console
 * holds and proves possession only for this one request, so it is shown, not masked. RFC 9449 §4.2.
 */
export function decodeDpopProof(headers: readonly HeaderRow[]): DecodedToken | null {
  const header = headers.find((row) => row.name.toLowerCase() === 'dpop')
  return header ? decodeToken(header.value) : null
}
