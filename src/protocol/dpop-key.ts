/*
 * The DPoP key pair of each environment, made in the browser on first use and kept for the session only
 * (memory, never persisted). The private key is not extractable; the public key always is, so its
 * thumbprint can be shown. Plain WebCrypto, so this module costs the first view nothing. RFC 9449 §2.
 */

const keyPairs = new Map<string, Promise<CryptoKeyPair>>()

/** The environment's DPoP key pair (ES256, P-256), generated on the first call. RFC 9449 §5. */
export function dpopKeyPair(environmentId: string): Promise<CryptoKeyPair> {
  let keyPair = keyPairs.get(environmentId)
  if (!keyPair) {
    keyPair = crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>
    keyPair.catch(() => keyPairs.delete(environmentId))
    keyPairs.set(environmentId, keyPair)
  }
  return keyPair
}

/** The key pair when this session already made one for the environment, else null: no key is made here. */
export function existingDpopKeyPair(environmentId: string): Promise<CryptoKeyPair> | null {
  return keyPairs.get(environmentId) ?? null
}

function base64url(bytes: ArrayBuffer): string {
  let binary = ''
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The JWK SHA-256 thumbprint of an EC public key, as `cnf.jkt` of a bound token carries it: the required
 * members in lexicographic order, no whitespace. RFC 7638 §3, RFC 9449 §6.1.
 */
export async function ecJwkThumbprint(jwk: Pick<JsonWebKey, 'crv' | 'kty' | 'x' | 'y'>): Promise<string> {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)))
}

/** The thumbprint of a key pair's public key. RFC 7638 §3. */
export async function dpopKeyThumbprint(keyPair: CryptoKeyPair): Promise<string> {
  return ecJwkThumbprint(await crypto.subtle.exportKey('jwk', keyPair.publicKey))
}
