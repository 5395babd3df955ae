import { compactVerify, createLocalJWKSet, errors } from 'jose'
import type { CompactJWSHeaderParameters, JSONWebKeySet, JWK } from 'jose'
import { decodeToken, errorMessage } from './jwt.ts'
import { hasWebCrypto, webCryptoMissing } from './web-crypto.ts'

/** Stable codes, jose's where jose has one. */
export type SignatureErrorCode =
  | 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
  | 'ERR_JWKS_NO_MATCHING_KEY'
  | 'ERR_JWKS_INVALID'
  | 'ERR_JWK_INVALID'
  | 'ERR_JOSE_ALG_NOT_ALLOWED'
  | 'ERR_JOSE_NOT_SUPPORTED'
  | 'ERR_JWS_INVALID'
  | 'ERR_UNEXPECTED'

export type SignatureCheck =
  | { ok: true; alg: string; kid?: string; key: string }
  | { ok: false; code: SignatureErrorCode; message: string }

/** "kid abc (EC P-256)" or "key #2 without kid (RSA 2048-bit)". RFC 7517 §4, RFC 7518 §6. */
function describeKey(jwk: JWK, index: number): string {
  const name = typeof jwk.kid === 'string' ? `kid ${jwk.kid}` : `key #${index + 1} without kid`
  const kty = String(jwk.kty)
  let detail = kty
  if ((kty === 'EC' || kty === 'OKP') && typeof jwk.crv === 'string') detail = `${kty} ${jwk.crv}`
  if (kty === 'RSA' && typeof jwk.n === 'string') detail = `RSA ${Math.floor((jwk.n.length * 6) / 8) * 8}-bit`
  if (kty === 'AKP' && typeof jwk.alg === 'string') detail = `AKP ${jwk.alg}`
  return `${name} (${detail})`
}

/** The JWKS members jose would pick for this header, each imported on its own. */
async function usableKeys(keys: JWK[], header: CompactJWSHeaderParameters) {
  const usable: { jwk: JWK; index: number; key: CryptoKey }[] = []
  for (const [index, jwk] of keys.entries()) {
    try {
      usable.push({ jwk, index, key: await createLocalJWKSet({ keys: [jwk] })(header) })
    } catch {
      // Not a candidate for this alg/kid, or not importable: jose's own choice reports it.
    }
  }
  return usable
}

function failure(code: SignatureErrorCode, message: string): SignatureCheck {
  return { ok: false, code, message }
}

const NOT_A_JWKS = 'The JWKS is not a JSON Web Key Set: expected {"keys": [ ...public JWKs ]}'

/**
 * Checks only the signature of a JWS against a JWKS (claims such as exp and iss are not validated:
 * the console shows them separately) and names the key that verified it. RFC 7515 §5.2, RFC 7517 §5.
 */
export async function verifyJwtSignature(token: string, jwks: unknown): Promise<SignatureCheck> {
  if (!hasWebCrypto()) return failure('ERR_JOSE_NOT_SUPPORTED', webCryptoMissing('Checking a signature'))
  let set: unknown = jwks
  if (typeof set === 'string') {
    try {
      set = JSON.parse(set)
    } catch {
      return failure('ERR_JWKS_INVALID', `${NOT_A_JWKS}; the text is not JSON`)
    }
  }
  let getKey: ReturnType<typeof createLocalJWKSet>
  try {
    getKey = createLocalJWKSet(set as JSONWebKeySet)
  } catch {
    return failure('ERR_JWKS_INVALID', NOT_A_JWKS)
  }
  const keys = (set as JSONWebKeySet).keys
  const decoded = decodeToken(token)
  if (decoded.kind === 'opaque') return failure('ERR_JWS_INVALID', 'The token is not a JWT: there is no signature to check')
  if (decoded.kind === 'malformed_jwt') return failure('ERR_JWS_INVALID', decoded.message)
  if (decoded.kind === 'encrypted') {
    return failure('ERR_JWS_INVALID', 'The token is encrypted (JWE): it has no signature a JWKS can check')
  }
  const header = decoded.header as CompactJWSHeaderParameters
  const alg = typeof header.alg === 'string' ? header.alg : ''
  const kid = typeof header.kid === 'string' ? header.kid : undefined
  if (alg === 'none') return failure('ERR_JOSE_NOT_SUPPORTED', 'The token is unsecured (alg "none"): it has no signature')
  const success = (jwk: JWK, index: number): SignatureCheck => ({
    ok: true,
    alg,
    ...(kid ?? jwk.kid ? { kid: kid ?? jwk.kid } : {}),
    key: describeKey(jwk, index),
  })
  try {
    await compactVerify(token.trim(), getKey)
    const [match] = await usableKeys(keys, header)
    return match ? success(match.jwk, match.index) : { ok: true, alg, ...(kid ? { kid } : {}), key: kid ? `kid ${kid}` : 'the only matching key' }
  } catch (error) {
    if (!(error instanceof errors.JOSEError)) return failure('ERR_UNEXPECTED', `Verification failed unexpectedly: ${errorMessage(error)}`)
    if (error.code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
      const candidates = await usableKeys(keys, header)
      for (const candidate of candidates) {
        try {
          await compactVerify(token.trim(), candidate.key)
          return success(candidate.jwk, candidate.index)
        } catch {
          // Try the next key that fits.
        }
      }
      const names = candidates.map(({ jwk, index }) => describeKey(jwk, index)).join(', ')
      return failure(
        'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
        `The signature matches none of the ${candidates.length} keys that fit alg ${alg} (${names}): the token was altered or signed by another key`,
      )
    }
    return explain(error, { alg, kid, keys, header })
  }
}

async function explain(
  error: InstanceType<typeof errors.JOSEError>,
  context: { alg: string; kid: string | undefined; keys: JWK[]; header: CompactJWSHeaderParameters },
): Promise<SignatureCheck> {
  const { alg, kid, keys, header } = context
  switch (error.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': {
      const [match] = await usableKeys(keys, header)
      const key = match ? describeKey(match.jwk, match.index) : kid ? `kid ${kid}` : 'the matching key'
      return failure('ERR_JWS_SIGNATURE_VERIFICATION_FAILED', `The signature does not match key ${key}: the token was altered or signed by another key`)
    }
    case 'ERR_JWKS_NO_MATCHING_KEY':
      if (kid === undefined) return failure('ERR_JWKS_NO_MATCHING_KEY', `The JWKS has no key usable for alg ${alg} (the token header has no kid)`)
      if (keys.some((jwk) => jwk.kid === kid)) {
        return failure('ERR_JWKS_NO_MATCHING_KEY', `The JWKS has a key with kid "${kid}", but it does not fit alg ${alg} (its kty, crv, alg, use or key_ops differ)`)
      }
      return failure('ERR_JWKS_NO_MATCHING_KEY', `The JWKS has no key with kid "${kid}": the issuer may have rotated its keys, or the token comes from another issuer`)
    case 'ERR_JWKS_INVALID':
      return failure('ERR_JWKS_INVALID', /public/.test(error.message) ? 'The matching JWKS key is not a public key: a JWKS publishes public keys only' : NOT_A_JWKS)
    case 'ERR_JWK_INVALID':
      return failure('ERR_JWK_INVALID', `The matching JWKS key is not a valid JWK: ${error.message}`)
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return failure('ERR_JOSE_ALG_NOT_ALLOWED', `The token's alg ${alg} is not allowed here`)
    case 'ERR_JOSE_NOT_SUPPORTED':
      return failure('ERR_JOSE_NOT_SUPPORTED', `The token's alg ${alg || '(missing)'} cannot be checked with a JWKS: it is symmetric (HS*) or not supported (${error.message})`)
    case 'ERR_JWS_INVALID':
      return failure('ERR_JWS_INVALID', `The token is not a valid JWS: ${error.message}`)
    default:
      return failure('ERR_UNEXPECTED', `Verification failed: ${error.message}`)
  }
}
