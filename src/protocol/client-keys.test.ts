import { describe, expect, it } from 'vitest'
import { generatePrivateJwk, publicJwkOf, readPrivateJwk, withJwksInBody } from './client-keys.ts'

describe('client keys for private_key_jwt', () => {
  it('generates an ES256 key with its thumbprint as kid, whose public half carries no private member', async () => {
    const jwk = await generatePrivateJwk()
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', d: expect.any(String), kid: expect.stringMatching(/^[\w-]{43}$/) })
    expect(publicJwkOf(jwk)).not.toHaveProperty('d')
    expect(publicJwkOf(jwk)).toMatchObject({ kty: 'EC', x: jwk.x, y: jwk.y, kid: jwk.kid })
  })

  it('reads a pasted private JWK and says what is wrong with anything else', () => {
    const ec = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }
    expect(readPrivateJwk(JSON.stringify(ec))).toEqual({ ok: true, jwk: ec })
    expect(readPrivateJwk('{"kty":')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') })
    expect(readPrivateJwk('{"keys":[]}')).toMatchObject({ ok: false, message: 'The JWK has no "kty" (key type)' })
    expect(readPrivateJwk('[]')).toMatchObject({ ok: false, message: expect.stringContaining('one JWK object') })
    expect(readPrivateJwk('{"kty":"oct","k":"abc"}')).toMatchObject({ ok: false, message: expect.stringContaining('symmetric') })
    expect(readPrivateJwk('{"kty":"EC","crv":"P-256","x":"x","y":"y"}')).toMatchObject({ ok: false, message: expect.stringContaining('public key') })
  })

  it('puts the public key into a registration body as jwks, with private_key_jwt, keeping what was there', async () => {
    const jwk = await generatePrivateJwk()
    const result = withJwksInBody('{"software_id": "device-client"}', jwk)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(JSON.parse(result.body)).toEqual({
      software_id: 'device-client',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [publicJwkOf(jwk)] },
    })
    expect(result.body).not.toContain(jwk.d)
    expect(withJwksInBody('{"a":', jwk)).toMatchObject({ ok: false })
    expect(withJwksInBody('[1]', jwk)).toMatchObject({ ok: false, message: expect.stringContaining('JSON object') })
  })
})
