import { describe, expect, it } from 'vitest'
import { endpointsFromMetadata, ENDPOINT_FIELDS, parseHttpUrl, toAuthorizationServer } from './server-endpoints.ts'

describe('ENDPOINT_FIELDS', () => {
  it('lists every endpoint once, in display order, with human labels', () => {
    expect(ENDPOINT_FIELDS.map((field) => field.key)).toEqual([
      'authorization_endpoint',
      'pushed_authorization_request_endpoint',
      'token_endpoint',
      'device_authorization_endpoint',
      'registration_endpoint',
      'introspection_endpoint',
      'revocation_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
    ])
    expect(ENDPOINT_FIELDS.find((field) => field.key === 'token_endpoint')?.label).toBe('Token endpoint')
  })
})

describe('toAuthorizationServer', () => {
  it('keeps the issuer and the configured endpoints, trimmed, and leaves blank ones out', () => {
    expect(
      toAuthorizationServer({
        issuer: 'https://as.example',
        token_endpoint: ' https://as.example/token ',
        userinfo_endpoint: '',
        jwks_uri: '   ',
      }),
    ).toEqual({ issuer: 'https://as.example', token_endpoint: 'https://as.example/token' })
  })

  it('uses the first endpoint\'s origin as issuer when the environment has none', () => {
    expect(toAuthorizationServer({ issuer: '', token_endpoint: 'http://localhost:3000/oauth/token' }).issuer).toBe(
      'http://localhost:3000',
    )
  })
})

describe('endpointsFromMetadata', () => {
  it('takes the string endpoints from metadata and ignores other members and wrong types', () => {
    expect(
      endpointsFromMetadata(
        { issuer: 'https://as.example', token_endpoint: 'https://as.example/token', jwks_uri: 42, scopes_supported: ['openid'] },
        'https://asked.example',
      ),
    ).toEqual({ issuer: 'https://as.example', token_endpoint: 'https://as.example/token' })
  })

  it('falls back to the asked issuer when the metadata has none', () => {
    expect(endpointsFromMetadata({ token_endpoint: 'https://as.example/token' }, 'https://as.example').issuer).toBe(
      'https://as.example',
    )
  })
})

describe('parseHttpUrl', () => {
  it('accepts http and https URLs, trimming spaces', () => {
    const parsed = parseHttpUrl('  http://localhost:3000/oidc ', 'Issuer URL')
    expect(parsed.ok && parsed.url.href).toBe('http://localhost:3000/oidc')
    expect(parseHttpUrl('https://as.example', 'Issuer URL').ok).toBe(true)
  })

  it('says an empty value is empty', () => {
    expect(parseHttpUrl('  ', 'Issuer URL')).toEqual({
      ok: false,
      message: '"Issuer URL" is empty: expected an http:// or https:// URL',
    })
  })

  it('says a relative or malformed value is not a valid URL and quotes it', () => {
    expect(parseHttpUrl('as.example/oauth', 'Issuer URL')).toEqual({
      ok: false,
      message: '"Issuer URL" is not a valid URL: expected an absolute http:// or https:// URL, got "as.example/oauth"',
    })
  })

  it('names the scheme it got when it is not http or https', () => {
    expect(parseHttpUrl('ftp://as.example', 'Token endpoint')).toEqual({
      ok: false,
      message: '"Token endpoint" is not a valid URL: expected http:// or https://, got "ftp:"',
    })
  })

  it('refuses a user name or password in the URL, which fetch would reject', () => {
    expect(parseHttpUrl('https://user:pass@as.example', 'URL')).toEqual({
      ok: false,
      message: '"URL" is not a valid URL: it must not contain a user name or password',
    })
  })

  it('shortens a long malformed value in the message', () => {
    const parsed = parseHttpUrl(`x${'y'.repeat(200)}`, 'URL')
    expect(!parsed.ok && parsed.message.length).toBeLessThan(160)
  })
})
