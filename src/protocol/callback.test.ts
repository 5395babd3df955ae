import { describe, expect, it } from 'vitest'
import { parseCallback } from './callback.ts'

const expected = { issuer: 'https://as.example', client_id: 'web', state: 'st-1' }
const at = (query: string) => new URL(`https://console.example/callback?${query}`)

describe('parseCallback', () => {
  it('returns the code and the checked parameters when state and iss match', () => {
    const outcome = parseCallback(at('code=c-1&state=st-1&iss=https%3A%2F%2Fas.example'), expected)

    expect(outcome).toMatchObject({ kind: 'code', code: 'c-1', iss: 'https://as.example' })
    expect(outcome.kind === 'code' && outcome.parameters.get('code')).toBe('c-1')
  })

  it('accepts a reply without iss (RFC 9207 is optional for the server)', () => {
    expect(parseCallback(at('code=c-1&state=st-1'), expected)).toMatchObject({ kind: 'code', iss: null })
  })

  it('refuses a state that differs, naming both values', () => {
    expect(parseCallback(at('code=c-1&state=forged'), expected)).toEqual({
      kind: 'refused',
      code: 'ERR_STATE_MISMATCH',
      message:
        '"state" does not match: expected "st-1", got "forged". The reply may belong to another request, or be forged (cross-site request forgery)',
    })
  })

  it('refuses a reply without state', () => {
    expect(parseCallback(at('code=c-1'), expected)).toEqual({
      kind: 'refused',
      code: 'ERR_STATE_MISSING',
      message: '"state" is missing from the redirect: expected the value this console sent ("st-1")',
    })
  })

  it('refuses an iss from another server (mix-up)', () => {
    expect(parseCallback(at('code=c-1&state=st-1&iss=https%3A%2F%2Fevil.example'), expected)).toEqual({
      kind: 'refused',
      code: 'ERR_ISS_MISMATCH',
      message:
        '"iss" does not match: expected "https://as.example", got "https://evil.example". The reply comes from another authorization server (mix-up attack, RFC 9207)',
    })
  })

  it('reports an error redirect with its description and uri', () => {
    expect(
      parseCallback(at('error=access_denied&error_description=End-User%20aborted&error_uri=https%3A%2F%2Fas.example%2Fe&state=st-1'), expected),
    ).toEqual({ kind: 'error_redirect', error: 'access_denied', error_description: 'End-User aborted', error_uri: 'https://as.example/e' })
  })

  it('checks state before trusting an error redirect', () => {
    expect(parseCallback(at('error=access_denied&state=other'), expected)).toMatchObject({ kind: 'refused', code: 'ERR_STATE_MISMATCH' })
  })

  it('refuses a success without code', () => {
    expect(parseCallback(at('state=st-1'), expected)).toEqual({
      kind: 'refused',
      code: 'ERR_CODE_MISSING',
      message: '"code" is missing from the redirect: expected an authorization code or an error',
    })
  })

  it('refuses what oauth4webapi refuses after the console checks (an implicit-flow token)', () => {
    expect(parseCallback(at('code=c-1&state=st-1&access_token=at'), expected)).toMatchObject({ kind: 'code' })
    expect(parseCallback(at('code=c-1&state=st-1&id_token=x'), expected)).toMatchObject({ kind: 'refused', code: 'ERR_RESPONSE_INVALID' })
  })

  it('clips long values in messages', () => {
    const outcome = parseCallback(at(`code=c&state=${'x'.repeat(200)}`), expected)
    expect(outcome.kind === 'refused' && outcome.message).toContain(`"${'x'.repeat(57)}..."`)
  })
})
