import * as oauth from 'oauth4webapi'
import type { ClientAuthMethod } from './client-auth-method.ts'
import type { PrivateJwk } from './client-keys.ts'
import { exhaustiveSwitchError } from './request-failure.ts'
import { hasWebCrypto, webCryptoMissing } from './web-crypto.ts'

// The method names and their checks live apart from oauth4webapi, so the first view can use them without the library.
export { CLIENT_AUTH_METHOD_LABELS, CLIENT_AUTH_METHODS, isClientAuthMethod, usesClientSecret, type ClientAuthMethod } from './client-auth-method.ts'

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
  if ((auth === 'client_secret_jwt' || auth === 'private_key_jwt') && !hasWebCrypto()) {
    throw new TypeError(`${webCryptoMissing(`Signing a ${auth} client assertion`)} client_secret_basic and client_secret_post work here.`)
  }
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
  const { importJWK } = await import('jose/key/import')
  const key = await importJWK({ ...jwk }, jwk.alg ?? defaultAlgorithm(jwk))
  if (key instanceof Uint8Array) throw new TypeError('the private JWK is a symmetric key: private_key_jwt needs an EC or RSA key')
  return key
}

function defaultAlgorithm(jwk: PrivateJwk): string {
  if (jwk.kty === 'RSA') return 'RS256'
  if (jwk.kty === 'OKP') return 'EdDSA'
  return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256'
}
