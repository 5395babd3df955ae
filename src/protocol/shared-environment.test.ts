import type { Environment } from './environment-schema.ts'
import { flowScope, MAX_SCOPE_LENGTH } from './flow-scopes.ts'
import {
  environmentFromShared,
  readShareFragment,
  readSharedEnvironmentJson,
  shareLink,
  sharedEnvironmentFile,
  toSharedEnvironment,
  type SharedEnvironment,
} from './shared-environment.ts'

const environment: Environment = {
  id: 'env-1',
  name: 'Staging',
  issuer: 'https://idp.example/oauth',
  endpoints: { token_endpoint: 'https://idp.example/oauth/token', device_authorization_endpoint: 'javascript:alert(1)' },
  clients: [
    {
      id: 'c1',
      label: 'www',
      client_id: 'www',
      client_secret: 'Password1',
      token_endpoint_auth_method: 'client_secret_basic',
      registration_access_token: 'rat-secret-value',
      source: 'manual',
      registration: { client_id: 'www', client_secret: 'Password1', registration_access_token: 'rat-secret-value' },
    },
  ],
}

describe('shared environments', () => {
  it('has a type with no field for a secret, a token or a code (checked by the type checker)', () => {
    expectTypeOf<keyof SharedEnvironment>().toEqualTypeOf<'version' | 'name' | 'issuer' | 'endpoints' | 'clients' | 'scopes' | 'options'>()
    expectTypeOf<keyof SharedEnvironment['clients'][number]>().toEqualTypeOf<'label' | 'client_id' | 'token_endpoint_auth_method'>()
    expectTypeOf<keyof NonNullable<SharedEnvironment['options']>>().toEqualTypeOf<'use_relay'>()
    expectTypeOf<keyof NonNullable<SharedEnvironment['scopes']>>().toEqualTypeOf<'client_credentials' | 'device_authorization' | 'authorization_code'>()
    expectTypeOf<keyof SharedEnvironment['endpoints']>().toEqualTypeOf<
      | 'authorization_endpoint'
      | 'pushed_authorization_request_endpoint'
      | 'token_endpoint'
      | 'device_authorization_endpoint'
      | 'registration_endpoint'
      | 'introspection_endpoint'
      | 'revocation_endpoint'
      | 'userinfo_endpoint'
      | 'jwks_uri'
    >()
  })

  it('recreates an environment under fresh ids, its clients without secrets, and carries the relay choice', () => {
    const ids = ['e', 'c']
    const shared = toSharedEnvironment({ ...environment, useRelay: true })
    expect(shared.options).toEqual({ use_relay: true })
    const recreated = environmentFromShared(shared, () => ids.shift() ?? 'x')
    expect(recreated).toEqual({
      id: 'c',
      name: 'Staging',
      issuer: 'https://idp.example/oauth',
      endpoints: { token_endpoint: 'https://idp.example/oauth/token' },
      clients: [{ id: 'e', label: 'www', client_id: 'www', client_secret: '', token_endpoint_auth_method: 'client_secret_basic', source: 'manual' }],
      useRelay: true,
    })
    expect(readSharedEnvironmentJson(sharedEnvironmentFile(shared))).toEqual({ ok: true, shared })
  })

  it('carries issuer, http(s) endpoints and client ids, and no secret of any kind', () => {
    const shared = toSharedEnvironment(environment)
    expect(shared).toEqual({
      version: 1,
      name: 'Staging',
      issuer: 'https://idp.example/oauth',
      endpoints: { token_endpoint: 'https://idp.example/oauth/token' },
      clients: [{ label: 'www', client_id: 'www', token_endpoint_auth_method: 'client_secret_basic' }],
    })
    const link = shareLink('http://console.example/app#old', shared)
    expect(link.startsWith('http://console.example/app#share=')).toBe(true)
    for (const secret of ['Password1', 'rat-secret-value', btoa('Password1')]) {
      expect(link).not.toContain(secret)
      expect(JSON.stringify(shared)).not.toContain(secret)
    }
  })

  it('reads back what it shared', () => {
    const shared = toSharedEnvironment(environment)
    const link = shareLink('http://console.example/', shared)
    expect(readShareFragment(new URL(link).hash)).toEqual({ ok: true, shared })
  })

  it('ignores fragments that share nothing', () => {
    expect(readShareFragment('')).toBeNull()
    expect(readShareFragment('#main')).toBeNull()
  })

  it.each([
    ['#share=%%%', /damaged/],
    [`#share=${btoa('not json')}`, /not valid JSON/],
    [`#share=${'A'.repeat(20_000)}`, /too long/],
  ])('refuses the malformed link %s with a clear message', (hash, message) => {
    const read = readShareFragment(hash)
    expect(read).toMatchObject({ ok: false, message: expect.stringMatching(message) })
  })

  it('refuses a link that smuggles a secret or a script URL, naming the field', () => {
    const base = { version: 1, name: 'x', issuer: 'https://idp.example', endpoints: {}, clients: [] }
    const withSecret = { ...base, clients: [{ label: 'a', client_id: 'a', token_endpoint_auth_method: 'client_secret_basic', client_secret: 's3cret' }] }
    expect(readSharedEnvironmentJson(JSON.stringify(withSecret))).toEqual({
      ok: false,
      message: 'This shared environment was refused (clients.0: unexpected "client_secret"). Nothing was added.',
    })
    const hostile = { ...base, endpoints: { token_endpoint: 'javascript:alert(1)' } }
    expect(readSharedEnvironmentJson(JSON.stringify(hostile))).toMatchObject({ ok: false, message: expect.stringContaining('endpoints.token_endpoint') })
    expect(readSharedEnvironmentJson(JSON.stringify({ ...base, version: 2 }))).toMatchObject({ ok: false })
  })

  it('carries the scope each flow asks for, and the recreated environment starts its flows with them', () => {
    const scopes = { client_credentials: 'dcr accounts', device_authorization: 'openid offline_access', authorization_code: '' }
    const shared = toSharedEnvironment({ ...environment, scopes })
    expect(shared.scopes).toEqual(scopes)
    const read = readShareFragment(new URL(shareLink('http://console.example/', shared)).hash)
    expect(read).toEqual({ ok: true, shared })
    const recreated = environmentFromShared(shared, () => 'id')
    expect(recreated.scopes).toEqual(scopes)
    expect(flowScope(recreated.scopes, 'device_authorization')).toBe('openid offline_access')
    expect(flowScope(recreated.scopes, 'authorization_code')).toBe('')
    // Not set anywhere: the flow's own default, and nothing in the link.
    expect(toSharedEnvironment(environment)).not.toHaveProperty('scopes')
    expect(flowScope(environmentFromShared(toSharedEnvironment(environment), () => 'id').scopes, 'client_credentials')).toBe('dcr')
  })

  it('refuses scopes for flows it does not know, and a scope too long to be one', () => {
    const base = { version: 1, name: 'x', issuer: 'https://idp.example', endpoints: {}, clients: [] }
    expect(readSharedEnvironmentJson(JSON.stringify({ ...base, scopes: { client_credentials: 'dcr', client_secret: 'x' } }))).toEqual({
      ok: false,
      message: 'This shared environment was refused (scopes: unexpected "client_secret"). Nothing was added.',
    })
    expect(readSharedEnvironmentJson(JSON.stringify({ ...base, scopes: { device_authorization: 'a'.repeat(MAX_SCOPE_LENGTH + 1) } }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('scopes.device_authorization'),
    })
    expect(readSharedEnvironmentJson(JSON.stringify({ ...base, scopes: { device_authorization: 42 } }))).toMatchObject({ ok: false })
  })
})
