import { decodeToken } from './jwt.ts'
import { verifyJwtSignature } from './jwt-signature.ts'

/** Stable codes for an ID token the console does not accept. */
export type IdTokenErrorCode =
  | 'ERR_ID_TOKEN_NOT_JWT'
  | 'ERR_ID_TOKEN_SIGNATURE'
  | 'ERR_ID_TOKEN_ISS'
  | 'ERR_ID_TOKEN_AUD'
  | 'ERR_ID_TOKEN_AZP'
  | 'ERR_ID_TOKEN_NONCE'
  | 'ERR_ID_TOKEN_EXPIRED'

export type IdTokenCheck =
  | { kind: 'valid'; alg: string; key: string; claims: Record<string, unknown> }
  | { kind: 'invalid'; code: IdTokenErrorCode; message: string }

export interface IdTokenExpectations {
  issuer: string
  client_id: string
  /** The nonce sent with the authorization request; null when none was. */
  nonce: string | null
  /** The server's JWKS as fetched. */
  jwks: unknown
  nowMs: number
}

function invalid(code: IdTokenErrorCode, message: string): IdTokenCheck {
  return { kind: 'invalid', code, message }
}

/** Clock skew allowed on exp, as oauth4webapi allows by default. */
const SKEW_SECONDS = 30

/**
 * Validates an ID token the way a relying party must: its signature against the server's JWKS, then
 * `iss`, `aud` (and `azp` when there are several audiences), `nonce` and `exp`, the first failure named.
 * OIDC Core §3.1.3.7.
 */
export async function validateIdToken(id_token: string, expected: IdTokenExpectations): Promise<IdTokenCheck> {
  const decoded = decodeToken(id_token)
  if (decoded.kind !== 'jwt') {
    const why = decoded.kind === 'malformed_jwt' ? decoded.message : `it is ${decoded.kind === 'encrypted' ? 'encrypted (JWE)' : 'not a JWT'}`
    return invalid('ERR_ID_TOKEN_NOT_JWT', `The ID token cannot be read: ${why}`)
  }
  const signature = await verifyJwtSignature(id_token, expected.jwks)
  if (!signature.ok) return invalid('ERR_ID_TOKEN_SIGNATURE', `Signature not verified (${signature.code}): ${signature.message}`)

  const { claims } = decoded
  if (claims.iss !== expected.issuer) {
    return invalid('ERR_ID_TOKEN_ISS', `"iss" is ${JSON.stringify(claims.iss)}: expected the issuer ${JSON.stringify(expected.issuer)}`)
  }
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : []
  if (!audiences.includes(expected.client_id)) {
    return invalid('ERR_ID_TOKEN_AUD', `"aud" is ${JSON.stringify(claims.aud)}: expected it to contain the client_id ${JSON.stringify(expected.client_id)}`)
  }
  if (audiences.length > 1 && claims.azp !== expected.client_id) {
    return invalid('ERR_ID_TOKEN_AZP', `"azp" is ${JSON.stringify(claims.azp)}: with several audiences it must be the client_id ${JSON.stringify(expected.client_id)}`)
  }
  if (expected.nonce !== null && claims.nonce !== expected.nonce) {
    return invalid(
      'ERR_ID_TOKEN_NONCE',
      `"nonce" is ${JSON.stringify(claims.nonce)}: expected ${JSON.stringify(expected.nonce)}, the value sent with the authorization request (replay protection)`,
    )
  }
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < expected.nowMs / 1000) {
    return invalid('ERR_ID_TOKEN_EXPIRED', `"exp" is ${JSON.stringify(claims.exp)}: the ID token has expired or has no expiry`)
  }
  return { kind: 'valid', alg: signature.alg, key: signature.key, claims }
}
