import { describe, expect, it } from 'vitest'
import { savePendingAuthorization, takePendingAuthorization, type PendingAuthorization } from './pending-authorization.ts'

const pending: PendingAuthorization = {
  version: 1,
  createdAt: 1,
  environmentId: 'env',
  clientProfileId: 'www',
  issuer: 'https://as.example',
  client_id: 'www',
  client_secret: 's',
  auth: 'client_secret_basic',
  redirect_uri: 'https://console.example/callback',
  scope: 'openid',
  state: 'st',
  nonce: 'n',
  code_verifier: 'v',
  usePkce: true,
  usePar: false,
  useDpop: true,
  dpop_jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' },
  extra: [],
  exchanges: [],
  tokens: [],
}

describe('pending authorization (the DPoP key through the redirect)', () => {
  it('gives the DPoP private key back once and leaves nothing in sessionStorage', () => {
    expect(savePendingAuthorization(pending)).toBe(true)
    expect(takePendingAuthorization()).toMatchObject({ useDpop: true, dpop_jwk: pending.dpop_jwk })
    expect(sessionStorage.length).toBe(0)
    expect(takePendingAuthorization()).toBeNull()
  })

  it('refuses a stored request whose DPoP key is not an EC P-256 private JWK', () => {
    sessionStorage.setItem('oauth-console:pending-authorization', JSON.stringify({ ...pending, dpop_jwk: { kty: 'RSA', n: 'n', e: 'AQAB' } }))
    expect(takePendingAuthorization()).toBeNull()
    expect(sessionStorage.length).toBe(0)
  })
})
