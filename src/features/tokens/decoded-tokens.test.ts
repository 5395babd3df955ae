import { decodedTokens } from './decoded-tokens.ts'

const part = (value: object) => btoa(JSON.stringify(value)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')
const jwt = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'demo', exp: 2_000_000_000 })}.c2lnbmF0dXJl`

describe('decodedTokens', () => {
  it('decodes each token of a reply, and only once however often it is shown', () => {
    const reply = { access_token: jwt, token_type: 'Bearer', refresh_token: 'opaque-refresh' }
    const decoded = decodedTokens(reply)
    expect(decoded.access_token).toMatchObject({ kind: 'jwt', claims: { sub: 'demo' } })
    expect(decoded.refresh_token).toEqual({ kind: 'opaque' })
    expect(decoded.id_token).toBeUndefined()
    expect(decodedTokens(reply)).toBe(decoded)
  })
})
