import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeDpopProof } from './dpop-proof.ts'

describe('decodeDpopProof', () => {
  it('decodes the DPoP header of a request into its header and claims', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    const jwk = await exportJWK(publicKey)
    const proof = await new SignJWT({ htm: 'POST', htu: 'http://as.example/token', jti: 'j1', nonce: 'n1', ath: 'abc' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .setIssuedAt(1_700_000_000)
      .sign(privateKey)
    const decoded = decodeDpopProof([
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      { name: 'dpop', value: proof },
    ])
    expect(decoded).toMatchObject({
      kind: 'jwt',
      header: { alg: 'ES256', typ: 'dpop+jwt', jwk: { kty: 'EC', crv: 'P-256' } },
      claims: { htm: 'POST', htu: 'http://as.example/token', iat: 1_700_000_000, jti: 'j1', nonce: 'n1', ath: 'abc' },
    })
  })

  it('is null for a request without a DPoP header', () => {
    expect(decodeDpopProof([{ name: 'Authorization', value: 'Bearer x' }])).toBeNull()
  })

  it('reports a DPoP header that is no JWT as malformed, naming the part', () => {
    expect(decodeDpopProof([{ name: 'DPoP', value: 'a.b.c' }])).toMatchObject({ kind: 'malformed_jwt', message: expect.stringContaining('header (part 1 of 3)') })
  })
})
