import { describe, expect, it } from 'vitest'
import { readTokenSet } from './token-response.ts'

describe('readTokenSet', () => {
  it('reads a full token response and keeps extra members', () => {
    const body = {
      access_token: 'at', token_type: 'Bearer', expires_in: 300, refresh_token: 'rt', id_token: 'a.b.c', scope: 'read', issued_token_type: 'x',
    }
    expect(readTokenSet(body)).toEqual(body)
  })

  it('accepts token_type in any case and keeps it as sent', () => {
    expect(['Bearer', 'bearer', 'BEARER', 'DPoP'].map((token_type) => readTokenSet({ access_token: 'a', token_type })?.token_type)).toEqual([
      'Bearer', 'bearer', 'BEARER', 'DPoP',
    ])
  })

  it('reads expires_in sent as text', () => {
    expect(readTokenSet({ access_token: 'a', token_type: 'bearer', expires_in: '3600' })?.expires_in).toBe(3600)
  })

  it('drops optional members of the wrong type instead of rejecting the tokens', () => {
    expect(readTokenSet({ access_token: 'a', token_type: 'bearer', expires_in: 'soon', scope: ['read'], refresh_token: 5 })).toEqual({
      access_token: 'a', token_type: 'bearer',
    })
    expect(readTokenSet({ access_token: 'a', token_type: 'bearer', expires_in: -1 })).toEqual({ access_token: 'a', token_type: 'bearer' })
  })

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'at'],
    ['an object without access_token', { token_type: 'bearer' }],
    ['an empty access_token', { access_token: '', token_type: 'bearer' }],
    ['no token_type', { access_token: 'a' }],
    ['a numeric access_token', { access_token: 1, token_type: 'bearer' }],
    ['an OAuth error', { error: 'invalid_grant' }],
  ])('returns null for %s', (_name, body) => {
    expect(readTokenSet(body)).toBeNull()
  })
})
