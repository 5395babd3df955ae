import { describe, expect, it } from 'vitest'
import { readClientRegistration } from './registration.ts'

describe('readClientRegistration', () => {
  it('reads a full registration reply', () => {
    const reply = {
      client_id: 'c-1', client_secret: 's', token_endpoint_auth_method: 'client_secret_basic', registration_access_token: 'rat',
      registration_client_uri: 'https://as.example/register/c-1', client_name: 'Device client', software_id: 'device-client',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'], scope: 'openid', client_secret_expires_at: 0,
    }
    expect(readClientRegistration(reply)).toEqual(reply)
  })

  it('drops unknown members and members of the wrong type, keeping the client', () => {
    expect(readClientRegistration({ client_id: 'c-1', grant_types: 'client_credentials', client_secret_expires_at: '0', logo_uri: 'x' })).toEqual({
      client_id: 'c-1',
    })
  })

  it.each([
    ['null', null],
    ['an array', [{ client_id: 'c' }]],
    ['an OAuth error', { error: 'invalid_client_metadata' }],
    ['an empty client_id', { client_id: '' }],
    ['a numeric client_id', { client_id: 7 }],
    ['no body', undefined],
  ])('returns null for %s', (_name, body) => {
    expect(readClientRegistration(body)).toBeNull()
  })
})
