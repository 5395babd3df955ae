import { afterEach, describe, expect, it, vi } from 'vitest'
import { pkceChallenge } from './pkce-challenge.ts'
import { hasWebCrypto } from './web-crypto.ts'

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'

describe('PKCE S256 with and without Web Crypto', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('computes RFC 7636 Appendix B\'s challenge with Web Crypto', async () => {
    expect(hasWebCrypto()).toBe(true)
    expect(await pkceChallenge(VERIFIER)).toBe(CHALLENGE)
  })

  it('computes the same challenge on a page without crypto.subtle (plain http from a LAN address)', async () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) })
    expect(hasWebCrypto()).toBe(false)
    expect(await pkceChallenge(VERIFIER)).toBe(CHALLENGE)
  })
})

describe('a signature check without Web Crypto', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says why it cannot run, instead of a TypeError', async () => {
    const { verifyJwtSignature } = await import('./jwt-signature.ts')
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) })
    const check = await verifyJwtSignature('eyJhbGciOiJFUzI1NiJ9.e30.c2ln', { keys: [] })
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining("needs the browser's Web Crypto API") })
  })
})
