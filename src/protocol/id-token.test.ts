import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateIdToken } from './id-token.ts'

const NOW = Date.UTC(2026, 0, 1) / 1000
let sign: (claims: Record<string, unknown>) => Promise<string>
let jwks: { keys: unknown[] }
let otherJwks: { keys: unknown[] }

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const other = await generateKeyPair('ES256')
  jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] }
  otherJwks = { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'ES256' }] }
  sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey)
})

const good = { iss: 'https://as.example', aud: 'web', sub: 'demo', nonce: 'n-1', iat: NOW, exp: NOW + 300 }
const expectations = () => ({ issuer: 'https://as.example', client_id: 'web', nonce: 'n-1', jwks, nowMs: NOW * 1000 })

describe('validateIdToken', () => {
  it('accepts a token signed by a JWKS key with the expected iss, aud, nonce and a future exp', async () => {
    expect(await validateIdToken(await sign(good), expectations())).toMatchObject({ kind: 'valid', alg: 'ES256', claims: { sub: 'demo' } })
  })

  it('refuses a signature no JWKS key verifies', async () => {
    const outcome = await validateIdToken(await sign(good), { ...expectations(), jwks: otherJwks })
    expect(outcome).toMatchObject({ kind: 'invalid', code: 'ERR_ID_TOKEN_SIGNATURE' })
  })

  it('refuses a nonce that differs from the one sent', async () => {
    expect(await validateIdToken(await sign({ ...good, nonce: 'n-2' }), expectations())).toEqual({
      kind: 'invalid',
      code: 'ERR_ID_TOKEN_NONCE',
      message: '"nonce" is "n-2": expected "n-1", the value sent with the authorization request (replay protection)',
    })
  })

  it('refuses an audience without the client_id', async () => {
    expect(await validateIdToken(await sign({ ...good, aud: 'other' }), expectations())).toEqual({
      kind: 'invalid',
      code: 'ERR_ID_TOKEN_AUD',
      message: '"aud" is "other": expected it to contain the client_id "web"',
    })
  })

  it('refuses several audiences without azp naming the client', async () => {
    expect(await validateIdToken(await sign({ ...good, aud: ['web', 'api'] }), expectations())).toMatchObject({ code: 'ERR_ID_TOKEN_AZP' })
  })

  it('refuses another issuer and an expired token', async () => {
    expect(await validateIdToken(await sign({ ...good, iss: 'https://evil.example' }), expectations())).toMatchObject({ code: 'ERR_ID_TOKEN_ISS' })
    expect(await validateIdToken(await sign({ ...good, exp: NOW - 120 }), expectations())).toMatchObject({ code: 'ERR_ID_TOKEN_EXPIRED' })
  })

  it('refuses what is not a JWT', async () => {
    expect(await validateIdToken('opaque', expectations())).toEqual({
      kind: 'invalid',
      code: 'ERR_ID_TOKEN_NOT_JWT',
      message: 'The ID token cannot be read: it is not a JWT',
    })
  })
})
