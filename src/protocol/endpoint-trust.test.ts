import { describe, expect, it } from 'vitest'
import { endpointOriginConcerns, unconfirmedOrigin } from './endpoint-trust.ts'
import { requireEndpoint } from './request-input.ts'

const issuer = 'https://as.example/tenant'

describe('endpointOriginConcerns', () => {
  it('names each other origin once with its endpoints, and http under https as a downgrade', () => {
    expect(
      endpointOriginConcerns({
        issuer,
        token_endpoint: 'https://evil.example/token',
        registration_endpoint: 'https://evil.example/register',
        device_authorization_endpoint: 'http://as.example/device',
        jwks_uri: `${issuer}/jwks`,
      }),
    ).toEqual([
      { origin: 'https://evil.example', reason: 'other_origin', endpoints: ['token_endpoint', 'registration_endpoint'], confirmed: false },
      { origin: 'http://as.example', reason: 'downgrade', endpoints: ['device_authorization_endpoint'], confirmed: false },
    ])
  })

  it('marks confirmed origins, and has nothing to compare without an issuer', () => {
    const server = { issuer, token_endpoint: 'https://evil.example/token', confirmed_origins: ['https://evil.example'] }
    expect(endpointOriginConcerns(server)[0]?.confirmed).toBe(true)
    expect(endpointOriginConcerns({ issuer: '', token_endpoint: 'https://evil.example/token' })).toEqual([])
  })
})

describe('requireEndpoint with origin trust', () => {
  it('refuses an unconfirmed other origin, naming it and the button that allows it', () => {
    const result = requireEndpoint({ issuer, token_endpoint: 'https://evil.example/token' }, 'token_endpoint')
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'invalid_input',
        field: 'token_endpoint',
        message:
          "The Token endpoint is on https://evil.example, not the issuer's origin https://as.example. Nothing was sent: " +
          'credentials go there only after you confirm "Allow credentials to https://evil.example".',
      },
    })
  })

  it('refuses plain http under an https issuer as a downgrade', () => {
    const result = requireEndpoint({ issuer, token_endpoint: 'http://as.example/token' }, 'token_endpoint')
    expect(result.ok === false && result.failure.message).toContain('plain http while the issuer https://as.example uses https')
  })

  it('lets a confirmed origin and the issuer origin through', () => {
    expect(requireEndpoint({ issuer, token_endpoint: 'https://evil.example/token', confirmed_origins: ['https://evil.example'] }, 'token_endpoint').ok).toBe(true)
    expect(requireEndpoint({ issuer, token_endpoint: 'https://as.example/token' }, 'token_endpoint').ok).toBe(true)
  })
})

describe('unconfirmedOrigin', () => {
  it('is null for the issuer origin and for a blank issuer', () => {
    expect(unconfirmedOrigin({ issuer }, new URL('https://as.example/x'), 'The request URL')).toBeNull()
    expect(unconfirmedOrigin({ issuer: '' }, new URL('https://evil.example/x'), 'The request URL')).toBeNull()
  })
})
