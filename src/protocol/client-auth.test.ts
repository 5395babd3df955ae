import { describe, expect, it, vi } from 'vitest'
import {
  CLIENT_AUTH_METHOD_LABELS,
  CLIENT_AUTH_METHODS,
  clientAuthentication,
  isClientAuthMethod,
  usesClientSecret,
  type ClientAuthMethod,
  type ClientCredentials,
} from './client-auth.ts'
import { generatePrivateJwk, publicJwkOf } from './client-keys.ts'
import { decodeProtectedHeader, decodeJwt, importJWK, jwtVerify } from 'jose'

const as = { issuer: 'https://as.example' }

async function apply(method: ClientAuthMethod, client_id: string, secret: string, extra: Partial<ClientCredentials> = {}) {
  const body = new URLSearchParams({ grant_type: 'client_credentials' })
  const headers = new Headers()
  await clientAuthentication({ auth: method, client_secret: secret, ...extra })(as, { client_id }, body, headers)
  return { body: body.toString(), authorization: headers.get('authorization') }
}

describe('client authentication', () => {
  it('knows the five token endpoint methods, with a label for each', () => {
    expect(CLIENT_AUTH_METHODS).toEqual(['client_secret_basic', 'client_secret_post', 'none', 'client_secret_jwt', 'private_key_jwt'])
    expect(Object.keys(CLIENT_AUTH_METHOD_LABELS)).toEqual([...CLIENT_AUTH_METHODS])
    expect(CLIENT_AUTH_METHOD_LABELS.client_secret_basic).toBe('Secret in Authorization header (Basic)')
  })

  it('accepts only known method names as ClientAuthMethod', () => {
    expect(CLIENT_AUTH_METHODS.every(isClientAuthMethod)).toBe(true)
    expect([undefined, null, 42, 'tls_client_auth', 'CLIENT_SECRET_BASIC', ''].some(isClientAuthMethod)).toBe(false)
  })

  it('says which methods send a secret', () => {
    expect(CLIENT_AUTH_METHODS.map(usesClientSecret)).toEqual([true, true, false, true, false])
  })

  it('client_secret_basic sends form-encoded id and secret in the Authorization header, not the body', async () => {
    // RFC 6749 §2.3.1: both are application/x-www-form-urlencoded before Base64.
    const sent = await apply('client_secret_basic', 'my client:1', 's3cr=t ü')
    expect(sent.body).toBe('grant_type=client_credentials')
    expect(sent.authorization).toBe(`Basic ${btoa('my+client%3A1:s3cr%3Dt+%C3%BC')}`)
  })

  it('client_secret_post sends id and secret in the body', async () => {
    expect(await apply('client_secret_post', 'abc', 'xyz')).toEqual({
      body: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
      authorization: null,
    })
  })

  it('none sends only the client_id in the body', async () => {
    expect(await apply('none', 'public-app', '')).toEqual({
      body: 'grant_type=client_credentials&client_id=public-app',
      authorization: null,
    })
  })

  it('refuses an empty secret for a secret-based method with oauth4webapi\'s message', () => {
    expect(() => clientAuthentication({ auth: 'client_secret_post', client_secret: '' })).toThrow('"clientSecret" must not be empty')
  })

  it('client_secret_basic with "also send client_id in the body" sends both (RFC 8628 §3.4)', async () => {
    const sent = await apply('client_secret_basic', 'abc', 'xyz', { client_id_in_body: true })
    expect(sent.authorization).toBe(`Basic ${btoa('abc:xyz')}`)
    expect(sent.body).toBe('grant_type=client_credentials&client_id=abc')
  })

  it('client_secret_jwt sends an HS256 assertion about the client, signed with its secret', async () => {
    const sent = await apply('client_secret_jwt', 'abc', 'a-secret-long-enough-for-hmac-256-bits!!')
    const body = new URLSearchParams(sent.body)
    expect(sent.authorization).toBeNull()
    expect(body.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    const assertion = body.get('client_assertion') ?? ''
    expect(decodeProtectedHeader(assertion).alg).toBe('HS256')
    expect(decodeJwt(assertion)).toMatchObject({ iss: 'abc', sub: 'abc', aud: expect.anything() })
  })

  it('private_key_jwt signs the assertion with the client key, naming its kid, verifiable with the public half', async () => {
    const jwk = await generatePrivateJwk()
    const sent = await apply('private_key_jwt', 'abc', '', { private_jwk: jwk })
    const assertion = new URLSearchParams(sent.body).get('client_assertion') ?? ''
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'ES256', kid: jwk.kid })
    const verified = await jwtVerify(assertion, await importJWK(publicJwkOf(jwk), 'ES256'))
    expect(verified.payload).toMatchObject({ iss: 'abc', sub: 'abc' })
  })

  it('private_key_jwt without a key is refused before anything is sent', () => {
    expect(() => clientAuthentication({ auth: 'private_key_jwt', client_secret: '' })).toThrow('private_key_jwt needs a private key')
  })
})

describe('client authentication without Web Crypto (plain http from a LAN address)', () => {
  it('refuses to sign a client assertion with the reason, and still sends a secret by Basic or post', async () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) })
    try {
      for (const auth of ['client_secret_jwt', 'private_key_jwt'] as const) {
        expect(() => clientAuthentication({ auth, client_secret: 's' })).toThrow("needs the browser's Web Crypto API")
      }
      expect((await apply('client_secret_post', 'www', 'Password1')).body).toContain('client_secret=Password1')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
