/*
 * The DPoP key pair of each environment, made in the browser on first use and kept for the session only
 * (memory, never persisted). The private key is not extractable; the public key always is, so its
 * thumbprint can be shown. Plain WebCrypto; the first view reaches it through requests-on-demand.ts. RFC 9449 §2.
 */
import { base64url } from './web-crypto.ts'

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

/**
 * Makes the environment's key pair the one given, for a key that crossed a page load (the authorization
 * code round trip): later proofs (API calls, refresh) must come from the key the token is bound to. RFC 9449 §5.
 */
export function adoptDpopKeyPair(environmentId: string, keyPair: CryptoKeyPair): void {
  keyPairs.set(environmentId, Promise.resolve(keyPair))
}

/** The key pair when this session already made one for the environment, else null: no key is made here. */
export function existingDpopKeyPair(environmentId: string): Promise<CryptoKeyPair> | null {
  return keyPairs.get(environmentId) ?? null
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

/** An EC P-256 private JWK, the form a key takes to cross the authorization redirect in this tab's sessionStorage. */
export interface DpopPrivateJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
  d: string
}

/**
 * A key pair for one authorization request with `dpop_jkt`: the only DPoP key whose private half may be
 * exported, because the code it is bound to is redeemed after the page has been left and loaded again.
 * RFC 9449 §10.
 */
export async function newPortableDpopKeyPair(): Promise<{ keyPair: CryptoKeyPair; jwk: DpopPrivateJwk }> {
  const keyPair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const { x, y, d } = await crypto.subtle.exportKey('jwk', keyPair.privateKey)
  if (!x || !y || !d) throw new Error('the browser exported a P-256 private key without x, y or d')
  return { keyPair, jwk: { kty: 'EC', crv: 'P-256', x, y, d } }
}

/** The key pair back from its private JWK, the private key no longer extractable. RFC 7517 §6.2. */
export async function importDpopKeyPair(jwk: DpopPrivateJwk): Promise<CryptoKeyPair> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' }
  const { d: _d, ...publicJwk } = jwk
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']),
    crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']),
  ])
  return { privateKey, publicKey }
}
