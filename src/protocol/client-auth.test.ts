import { describe, expect, it } from 'vitest'
import {
  CLIENT_AUTH_METHOD_LABELS,
  CLIENT_AUTH_METHODS,
  clientAuthentication,
  isClientAuthMethod,
  usesClientSecret,
  type ClientAuthMethod,
} from './client-auth.ts'

const as = { issuer: 'https://as.example' }

async function apply(method: ClientAuthMethod, client_id: string, secret: string) {
  const body = new URLSearchParams({ grant_type: 'client_credentials' })
  const headers = new Headers()
  await clientAuthentication(method, secret)(as, { client_id }, body, headers)
  return { body: body.toString(), authorization: headers.get('authorization') }
}

describe('client authentication', () => {
  it('knows exactly the three secret-based and public methods, with a label for each', () => {
    expect(CLIENT_AUTH_METHODS).toEqual(['client_secret_basic', 'client_secret_post', 'none'])
    expect(Object.keys(CLIENT_AUTH_METHOD_LABELS)).toEqual([...CLIENT_AUTH_METHODS])
    expect(CLIENT_AUTH_METHOD_LABELS.client_secret_basic).toBe('Secret in Authorization header (Basic)')
  })

  it('accepts only known method names as ClientAuthMethod', () => {
    expect(CLIENT_AUTH_METHODS.every(isClientAuthMethod)).toBe(true)
    expect([undefined, null, 42, 'private_key_jwt', 'CLIENT_SECRET_BASIC', ''].some(isClientAuthMethod)).toBe(false)
  })

  it('says which methods send a secret', () => {
    expect(CLIENT_AUTH_METHODS.map(usesClientSecret)).toEqual([true, true, false])
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
    expect(() => clientAuthentication('client_secret_post', '')).toThrow('"clientSecret" must not be empty')
  })
})
