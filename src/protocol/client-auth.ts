import * as oauth from 'oauth4webapi'
import type { PrivateJwk } from './client-keys.ts'
import { exhaustiveSwitchError } from './request-failure.ts'

/** How a client proves its identity at the token endpoint. RFC 7591 §2, OpenID Connect Core §9. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none', 'client_secret_jwt', 'private_key_jwt'] as const

export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number]

/** Short human text for each method, for pickers and summaries. */
export const CLIENT_AUTH_METHOD_LABELS: Record<ClientAuthMethod, string> = {
  client_secret_basic: 'Secret in Authorization header (Basic)',
  client_secret_post: 'Secret in request body (POST)',
  none: 'No secret (public client)',
  client_secret_jwt: 'JWT signed with the secret (HMAC)',
  private_key_jwt: 'JWT signed with the client\'s private key',
}

/** Narrows stored or imported text to a method the console knows. RFC 7591 §2. */
export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return typeof value === 'string' && (CLIENT_AUTH_METHODS as readonly string[]).includes(value)
}

/** Whether the method needs the client secret, so the secret field must not be empty. RFC 6749 §2.3.1. */
export function usesClientSecret(method: ClientAuthMethod): boolean {
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post':
    case 'client_secret_jwt':
      return true
    case 'none':
    case 'private_key_jwt':
      return false
    default:
      return exhaustiveSwitchError(method)
  }
}

/** What a client authenticates with, beyond its client_id. */
export interface ClientCredentials {
  auth: ClientAuthMethod
  client_secret: string
  /** private_key_jwt: the key that signs the client assertion. */
  private_jwk?: PrivateJwk
  /** client_secret_basic: also send client_id in the body, as RFC 8628 §3.4 permits and some servers need. */
  client_id_in_body?: boolean
}

/**
 * The oauth4webapi client authentication for one request. Throws oauth4webapi's TypeError when a
 * secret-based method gets an empty secret, and a TypeError for private_key_jwt without a key: check
 * with `checkClient` first. RFC 6749 §2.3.1, RFC 7523 §2.2, RFC 8628 §3.4.
 */
export function clientAuthentication(credentials: ClientCredentials): oauth.ClientAuth {
  const { auth, client_secret } = credentials
  switch (auth) {
    case 'client_secret_basic': {
      const basic = oauth.ClientSecretBasic(client_secret)
      if (!credentials.client_id_in_body) return basic
      return async (as, client, body, headers) => {
        await basic(as, client, body, headers)
        body.set('client_id', client.client_id)
      }
    }
    case 'client_secret_post':
      return oauth.ClientSecretPost(client_secret)
    case 'none':
      return oauth.None()
    case 'client_secret_jwt':
      return oauth.ClientSecretJwt(client_secret)
    case 'private_key_jwt': {
      const jwk = credentials.private_jwk
      if (!jwk) throw new TypeError('private_key_jwt needs a private key: generate one or paste a private JWK')
      return async (as, client, body, headers) => {
        const key = await importSigningKey(jwk)
        await oauth.PrivateKeyJwt(jwk.kid === undefined ? { key } : { key, kid: jwk.kid })(as, client, body, headers)
      }
    }
    default:
      return exhaustiveSwitchError(auth)
  }
}

/** jose loads on first use: most sessions never sign a client assertion. */
async function importSigningKey(jwk: PrivateJwk): Promise<CryptoKey> {
  const { importJWK } = await import('jose')
  const key = await importJWK({ ...jwk }, jwk.alg ?? defaultAlgorithm(jwk))
  if (key instanceof Uint8Array) throw new TypeError('the private JWK is a symmetric key: private_key_jwt needs an EC or RSA key')
  return key
}

function defaultAlgorithm(jwk: PrivateJwk): string {
  if (jwk.kty === 'RSA') return 'RS256'
  if (jwk.kty === 'OKP') return 'EdDSA'
  return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256'
}
