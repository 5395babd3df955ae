import { CompactEncrypt, SignJWT, base64url, exportJWK, generateKeyPair, generateSecret } from 'jose'
import type { JWK } from 'jose'
import { verifyJwtSignature } from './jwt-signature.ts'
import { decodeToken, timeClaims, tokenValidity } from './jwt.ts'

async function signingKey(kid: string | undefined, alg: 'ES256' | 'RS256' | 'EdDSA' = 'ES256') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const jwk: JWK = { ...(await exportJWK(publicKey)), ...(kid ? { kid } : {}), use: 'sig' }
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg, ...(kid ? { kid } : {}) }).sign(privateKey)
  return { jwk, sign }
}

function base64urlJson(value: unknown) {
  return base64url.encode(JSON.stringify(value))
}

describe('decodeToken', () => {
  it('decodes a JWS into header, claims and the raw signature segment', async () => {
    const { sign } = await signingKey('k1')
    const token = await sign({ sub: 'alice', exp: 2_000_000_000 })
    const decoded = decodeToken(token)
    expect(decoded).toEqual({
      kind: 'jwt',
      header: { alg: 'ES256', kid: 'k1' },
      claims: { sub: 'alice', exp: 2_000_000_000 },
      signature: token.split('.')[2],
    })
  })

  it('ignores surrounding whitespace from a pasted token', async () => {
    const { sign } = await signingKey('k1')
    expect(decodeToken(`  ${await sign({ a: 1 })}\n`).kind).toBe('jwt')
  })

  it('decodes an unsecured JWT with an empty signature', () => {
    const token = `${base64urlJson({ alg: 'none' })}.${base64urlJson({ sub: 'x' })}.`
    expect(decodeToken(token)).toEqual({ kind: 'jwt', header: { alg: 'none' }, claims: { sub: 'x' }, signature: '' })
  })

  it('calls a token without three or five parts opaque', () => {
    expect(decodeToken('2YotnFZFEjr1zCsicMWpAA')).toEqual({ kind: 'opaque' })
    expect(decodeToken('a.b')).toEqual({ kind: 'opaque' })
    expect(decodeToken('')).toEqual({ kind: 'opaque' })
  })

  it('reports a three-part token whose header is not base64url JSON as malformed', () => {
    expect(decodeToken('abc.def.ghi')).toEqual({
      kind: 'malformed_jwt',
      message: 'The header (part 1 of 3) is not base64url-encoded JSON',
    })
  })

  it('names the payload when the header is fine but the payload is not JSON', () => {
    const token = `${base64urlJson({ alg: 'RS256' })}.${base64url.encode('not json')}.sig`
    expect(decodeToken(token)).toEqual({ kind: 'malformed_jwt', message: 'The payload (part 2 of 3) is not base64url-encoded JSON' })
  })

  it('reports an empty payload and a JSON payload that is not an object', () => {
    const header = base64urlJson({ alg: 'RS256' })
    expect(decodeToken(`${header}..sig`)).toEqual({ kind: 'malformed_jwt', message: 'The payload (part 2 of 3) is empty' })
    expect(decodeToken(`${header}.${base64urlJson([1, 2])}.sig`)).toEqual({
      kind: 'malformed_jwt',
      message: 'The payload (part 2 of 3) is JSON but not an object',
    })
  })

  it('reports a signature segment with characters outside base64url as malformed', () => {
    const token = `${base64urlJson({ alg: 'RS256' })}.${base64urlJson({ a: 1 })}.sig+/=`
    expect(decodeToken(token)).toEqual({ kind: 'malformed_jwt', message: 'The signature (part 3 of 3) is not valid base64url' })
  })

  it('recognises a JWE and shows its header', async () => {
    const secret = await generateSecret('A256GCM')
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{"sub":"x"}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'enc-1' })
      .encrypt(secret)
    expect(decodeToken(jwe)).toEqual({ kind: 'encrypted', header: { alg: 'dir', enc: 'A256GCM', kid: 'enc-1' } })
  })

  it('calls a five-part string that is not a JWE opaque', () => {
    expect(decodeToken('a.b.c.d.e')).toEqual({ kind: 'opaque' })
  })
})

describe('timeClaims', () => {
  it('lists exp, iat, nbf and auth_time in that order with dates and seconds from now', () => {
    const now = 1_700_000_000_000
    const claims = { auth_time: 1_699_999_000, nbf: 1_699_999_990, iat: 1_699_999_990, exp: 1_700_000_300, sub: 'x' }
    expect(timeClaims(claims, now)).toEqual([
      { name: 'exp', epochSeconds: 1_700_000_300, date: new Date(1_700_000_300_000), secondsFromNow: 300 },
      { name: 'iat', epochSeconds: 1_699_999_990, date: new Date(1_699_999_990_000), secondsFromNow: -10 },
      { name: 'nbf', epochSeconds: 1_699_999_990, date: new Date(1_699_999_990_000), secondsFromNow: -10 },
      { name: 'auth_time', epochSeconds: 1_699_999_000, date: new Date(1_699_999_000_000), secondsFromNow: -1000 },
    ])
  })

  it('skips time claims that are not finite numbers', () => {
    expect(timeClaims({ exp: '1700000000', iat: null, nbf: Number.NaN }, 0)).toEqual([])
  })
})

describe('tokenValidity', () => {
  const nowMs = 1_700_000_000_000
  it('is valid before exp with the seconds left', () => {
    expect(tokenValidity({ exp: 1_700_000_060 }, nowMs)).toEqual({ state: 'valid', secondsLeft: 60 })
  })
  it('is expired exactly at exp', () => {
    expect(tokenValidity({ exp: 1_700_000_000 }, nowMs)).toEqual({ state: 'expired', secondsLeft: 0 })
  })
  it('is expired after exp with negative seconds left', () => {
    expect(tokenValidity({ exp: 1_699_999_000 }, nowMs)).toEqual({ state: 'expired', secondsLeft: -1000 })
  })
  it('is not yet valid before nbf', () => {
    expect(tokenValidity({ nbf: 1_700_000_010, exp: 1_700_000_100 }, nowMs)).toEqual({ state: 'not_yet_valid', secondsLeft: 100 })
  })
  it('has no expiry without a numeric exp', () => {
    expect(tokenValidity({ exp: 'tomorrow' }, nowMs)).toEqual({ state: 'no_expiry' })
    expect(tokenValidity({}, nowMs)).toEqual({ state: 'no_expiry' })
  })
})

describe('verifyJwtSignature', () => {
  it('accepts a valid ES256 token and describes the key by kid and curve', async () => {
    const { jwk, sign } = await signingKey('abc')
    const result = await verifyJwtSignature(await sign({ sub: 'alice' }), { keys: [jwk] })
    expect(result).toEqual({ ok: true, alg: 'ES256', kid: 'abc', key: 'kid abc (EC P-256)' })
  })

  it('checks the signature only: an expired token with a foreign issuer still verifies', async () => {
    const { jwk, sign } = await signingKey('abc')
    const token = await sign({ exp: 1, nbf: 4_000_000_000, iss: 'https://elsewhere' })
    expect(await verifyJwtSignature(token, { keys: [jwk] })).toMatchObject({ ok: true })
  })

  it('describes an RSA key by modulus size and accepts the JWKS as JSON text', async () => {
    const { jwk, sign } = await signingKey('rsa-1', 'RS256')
    const result = await verifyJwtSignature(await sign({}), JSON.stringify({ keys: [jwk] }))
    expect(result).toEqual({ ok: true, alg: 'RS256', kid: 'rsa-1', key: 'kid rsa-1 (RSA 2048-bit)' })
  })

  it('rejects a token whose payload was altered, naming the key', async () => {
    const { jwk, sign } = await signingKey('abc')
    const [header, , signature] = (await sign({ sub: 'alice' })).split('.')
    const tampered = `${header}.${base64urlJson({ sub: 'mallory' })}.${signature}`
    expect(await verifyJwtSignature(tampered, { keys: [jwk] })).toEqual({
      ok: false,
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      message: 'The signature does not match key kid abc (EC P-256): the token was altered or signed by another key',
    })
  })

  it('rejects a token signed by another key that claims the same kid', async () => {
    const published = await signingKey('abc')
    const impostor = await signingKey('abc')
    const result = await verifyJwtSignature(await impostor.sign({}), { keys: [published.jwk] })
    expect(result).toMatchObject({ ok: false, code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' })
  })

  it('reports a kid that is not in the JWKS', async () => {
    const published = await signingKey('old')
    const { sign } = await signingKey('new')
    expect(await verifyJwtSignature(await sign({}), { keys: [published.jwk] })).toEqual({
      ok: false,
      code: 'ERR_JWKS_NO_MATCHING_KEY',
      message: 'The JWKS has no key with kid "new": the issuer may have rotated its keys, or the token comes from another issuer',
    })
  })

  it('reports a kid that is present but whose key does not fit the alg', async () => {
    const rsa = await signingKey('same', 'RS256')
    const ec = await signingKey('same')
    expect(await verifyJwtSignature(await ec.sign({}), { keys: [rsa.jwk] })).toEqual({
      ok: false,
      code: 'ERR_JWKS_NO_MATCHING_KEY',
      message: 'The JWKS has a key with kid "same", but it does not fit alg ES256 (its kty, crv, alg, use or key_ops differ)',
    })
  })

  it('tries every key when the token has no kid and several keys fit', async () => {
    const first = await signingKey(undefined)
    const second = await signingKey(undefined)
    const result = await verifyJwtSignature(await second.sign({}), { keys: [first.jwk, second.jwk] })
    expect(result).toEqual({ ok: true, alg: 'ES256', key: 'key #2 without kid (EC P-256)' })
  })

  it('fails with every candidate named when none of several fitting keys verifies', async () => {
    const first = await signingKey(undefined)
    const second = await signingKey(undefined)
    const stranger = await signingKey(undefined)
    const result = await verifyJwtSignature(await stranger.sign({}), { keys: [first.jwk, second.jwk] })
    expect(result).toEqual({
      ok: false,
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      message:
        'The signature matches none of the 2 keys that fit alg ES256 (key #1 without kid (EC P-256), key #2 without kid (EC P-256)): the token was altered or signed by another key',
    })
  })

  it.each([
    ['an array', [{}]],
    ['an object without keys', { key: [] }],
    ['null', null],
    ['keys that are not objects', { keys: ['abc'] }],
    ['text that is not JSON', '{"keys":'],
  ])('rejects a JWKS that is %s with ERR_JWKS_INVALID', async (_label, jwks) => {
    const { sign } = await signingKey('abc')
    const result = await verifyJwtSignature(await sign({}), jwks)
    expect(result).toMatchObject({ ok: false, code: 'ERR_JWKS_INVALID' })
    expect(result.ok === false && result.message).toMatch(/^The JWKS is not a JSON Web Key Set: expected \{"keys": \[/)
  })

  it('refuses a private key published in the JWKS', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'abc' }
    const { sign } = await signingKey('abc')
    expect(await verifyJwtSignature(await sign({}), { keys: [privateJwk] })).toEqual({
      ok: false,
      code: 'ERR_JWKS_INVALID',
      message: 'The matching JWKS key is not a public key: a JWKS publishes public keys only',
    })
  })

  it('explains that an HS256 token cannot be checked with a JWKS', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32))
    const { jwk } = await signingKey('abc')
    const result = await verifyJwtSignature(token, { keys: [jwk] })
    expect(result).toMatchObject({ ok: false, code: 'ERR_JOSE_NOT_SUPPORTED' })
    expect(result.ok === false && result.message).toMatch(/^The token's alg HS256 cannot be checked with a JWKS: it is symmetric/)
  })

  it('refuses an unsecured alg none token', async () => {
    const token = `${base64urlJson({ alg: 'none' })}.${base64urlJson({ sub: 'x' })}.`
    const { jwk } = await signingKey('abc')
    expect(await verifyJwtSignature(token, { keys: [jwk] })).toEqual({
      ok: false,
      code: 'ERR_JOSE_NOT_SUPPORTED',
      message: 'The token is unsecured (alg "none"): it has no signature',
    })
  })

  it('refuses an opaque token and passes on the decode message of a malformed one', async () => {
    const { jwk } = await signingKey('abc')
    expect(await verifyJwtSignature('2YotnFZFEjr1zCsicMWpAA', { keys: [jwk] })).toEqual({
      ok: false,
      code: 'ERR_JWS_INVALID',
      message: 'The token is not a JWT: there is no signature to check',
    })
    expect(await verifyJwtSignature('abc.def.ghi', { keys: [jwk] })).toEqual({
      ok: false,
      code: 'ERR_JWS_INVALID',
      message: 'The header (part 1 of 3) is not base64url-encoded JSON',
    })
  })

  it('describes an Ed25519 key as OKP', async () => {
    const { jwk, sign } = await signingKey('ed', 'EdDSA')
    expect(await verifyJwtSignature(await sign({}), { keys: [jwk] })).toEqual({ ok: true, alg: 'EdDSA', kid: 'ed', key: 'kid ed (OKP Ed25519)' })
  })
})
