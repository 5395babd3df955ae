import { calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  adoptDpopKeyPair,
  dpopKeyPair,
  dpopKeyThumbprint,
  existingDpopKeyPair,
  importDpopKeyPair,
  newPortableDpopKeyPair,
} from './dpop-key.ts'

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

describe('portable DPoP keys (the authorization code round trip)', () => {
  it('exports a private JWK that imports back to the same key, the private half no longer extractable', async () => {
    const { keyPair, jwk } = await newPortableDpopKeyPair()
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y'])
    const imported = await importDpopKeyPair(jwk)
    expect(imported.privateKey.extractable).toBe(false)
    expect(await dpopKeyThumbprint(imported)).toBe(await dpopKeyThumbprint(keyPair))
    const data = new TextEncoder().encode('proof')
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, imported.privateKey, data)
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keyPair.publicKey, signature, data)).toBe(true)
  })

  it('makes an adopted key the environment\'s, for the proofs that follow', async () => {
    const { keyPair } = await newPortableDpopKeyPair()
    adoptDpopKeyPair('env-adopted', keyPair)
    expect(await existingDpopKeyPair('env-adopted')).toBe(keyPair)
    expect(await dpopKeyPair('env-adopted')).toBe(keyPair)
  })
})
