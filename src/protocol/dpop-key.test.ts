import { calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import { dpopKeyPair, dpopKeyThumbprint, existingDpopKeyPair } from './dpop-key.ts'

describe('dpopKeyPair', () => {
  it('makes one non-extractable ES256 key pair per environment and keeps it for the session', async () => {
    expect(existingDpopKeyPair('env-a')).toBeNull()
    const first = await dpopKeyPair('env-a')
    expect(await dpopKeyPair('env-a')).toBe(first)
    expect(await existingDpopKeyPair('env-a')).toBe(first)
    expect(await dpopKeyPair('env-b')).not.toBe(first)
    expect(first.privateKey.extractable).toBe(false)
    expect(first.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' })
  })

  it('computes the RFC 7638 thumbprint jose computes for the public key', async () => {
    const keyPair = await dpopKeyPair('env-thumbprint')
    const jwk = await crypto.subtle.exportKey('jwk', keyPair.publicKey)
    expect(await dpopKeyThumbprint(keyPair)).toBe(await calculateJwkThumbprint({ kty: 'EC', crv: jwk.crv!, x: jwk.x!, y: jwk.y! }))
  })
})
