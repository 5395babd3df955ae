import { describe, expect, it } from 'vitest'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'
import { fetchUserinfo, introspectToken, refreshTokens, revokeToken } from './token-actions.ts'

const server = {
  issuer: 'https://as.example',
  token_endpoint: 'https://as.example/token',
  introspection_endpoint: 'https://as.example/introspect',
  revocation_endpoint: 'https://as.example/revoke',
  userinfo_endpoint: 'https://as.example/userinfo',
}

function setup(...replies: Parameters<typeof scriptedFetch>) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  const common = { server, client_id: 'svc', client_secret: 's3cret', auth: 'client_secret_post' as const, record: log.record, baseFetch }
  return { common, sent: baseFetch.sent, exchanges: log.exchanges }
}

describe('introspectToken', () => {
  it('posts the token with its hint and returns the claims and whether it is active', async () => {
    const { common, sent, exchanges } = setup(jsonReply({ active: true, sub: 'svc', scope: 'read' }))
    expect(await introspectToken({ ...common, token: 'at-1', token_type_hint: 'access_token' })).toEqual({
      kind: 'introspection', claims: { active: true, sub: 'svc', scope: 'read' }, active: true, conformance: [], exchange: exchanges[0],
    })
    expect(sent[0]?.url).toBe('https://as.example/introspect')
    expect(sent[0]?.body).toBe('token_type_hint=access_token&token=at-1&client_id=svc&client_secret=s3cret')
    expect(exchanges[0]?.step).toBe('introspection')
  })

  it('reports an inactive token as active false', async () => {
    const { common } = setup(jsonReply({ active: false }))
    expect(await introspectToken({ ...common, token: 'at-1' })).toMatchObject({ kind: 'introspection', active: false })
  })

  it('treats a reply without a boolean active as inactive, noting the refusal', async () => {
    const { common } = setup(jsonReply({ active: 'true' }))
    expect(await introspectToken({ ...common, token: 'at-1' })).toMatchObject({
      kind: 'introspection', active: false, conformance: ['"response" body "active" property must be a boolean'],
    })
  })

  it('returns oauth_error for a 401 invalid_client', async () => {
    const { common } = setup(jsonReply({ error: 'invalid_client' }, 401))
    expect(await introspectToken({ ...common, token: 'at-1' })).toMatchObject({ kind: 'oauth_error', status: 401, error: 'invalid_client' })
  })

  it('returns not_oauth for a 200 that is not JSON', async () => {
    const { common } = setup(textReply('{"', 200, { 'content-type': 'application/json' }))
    expect(await introspectToken({ ...common, token: 'at-1' })).toMatchObject({ kind: 'not_oauth', reason: 'a body that is not JSON' })
  })

  it('returns invalid_input when the server has no introspection endpoint', async () => {
    const { common, sent } = setup()
    expect(await introspectToken({ ...common, server: { issuer: 'https://as.example' }, token: 'at-1' })).toMatchObject({
      kind: 'invalid_input', field: 'introspection_endpoint',
    })
    expect(sent).toHaveLength(0)
  })

  it('returns invalid_input naming the token when it is empty', async () => {
    const { common } = setup()
    expect(await introspectToken({ ...common, token: '' })).toEqual({
      kind: 'invalid_input', field: 'token', message: '"token" is empty: obtain a token first',
    })
  })
})

describe('refreshTokens', () => {
  it('posts the refresh_token grant with a narrowed scope and returns the new tokens', async () => {
    const { common, sent, exchanges } = setup(jsonReply({ access_token: 'at-2', token_type: 'Bearer', refresh_token: 'rt-2' }))
    expect(await refreshTokens({ ...common, refresh_token: 'rt-1', scope: 'read' })).toEqual({
      kind: 'tokens', tokens: { access_token: 'at-2', token_type: 'Bearer', refresh_token: 'rt-2' }, conformance: [], exchange: exchanges[0],
    })
    expect(sent[0]?.body).toBe('scope=read&refresh_token=rt-1&grant_type=refresh_token&client_id=svc&client_secret=s3cret')
    expect(exchanges[0]?.step).toBe('refresh')
  })

  it('returns oauth_error for a 400 invalid_grant', async () => {
    const { common } = setup(jsonReply({ error: 'invalid_grant', error_description: 'refresh token revoked' }, 400))
    expect(await refreshTokens({ ...common, refresh_token: 'rt-1' })).toMatchObject({
      kind: 'oauth_error', error: 'invalid_grant', error_description: 'refresh token revoked',
    })
  })

  it('returns invalid_input naming refresh_token when it is empty', async () => {
    const { common } = setup()
    expect(await refreshTokens({ ...common, refresh_token: '' })).toMatchObject({ kind: 'invalid_input', field: 'refresh_token' })
  })
})

describe('revokeToken', () => {
  it('posts the token and reports it revoked on a 200, whatever the body', async () => {
    const { common, sent, exchanges } = setup(textReply(''))
    expect(await revokeToken({ ...common, token: 'rt-1', token_type_hint: 'refresh_token' })).toEqual({
      kind: 'revoked', conformance: [], exchange: exchanges[0],
    })
    expect(sent[0]?.url).toBe('https://as.example/revoke')
    expect(sent[0]?.body).toBe('token_type_hint=refresh_token&token=rt-1&client_id=svc&client_secret=s3cret')
    expect(exchanges[0]?.step).toBe('revocation')
  })

  it('reports a 204 as revoked, noting that RFC 7009 expects 200', async () => {
    const { common } = setup(textReply('', 204))
    expect(await revokeToken({ ...common, token: 'rt-1' })).toMatchObject({
      kind: 'revoked', conformance: ['"response" is not a conform Revocation Endpoint response (unexpected HTTP status code)'],
    })
  })

  it('returns oauth_error for a 400 unsupported_token_type', async () => {
    const { common } = setup(jsonReply({ error: 'unsupported_token_type' }, 400))
    expect(await revokeToken({ ...common, token: 'at-1' })).toMatchObject({ kind: 'oauth_error', error: 'unsupported_token_type' })
  })

  it('returns not_oauth for a 500 with an empty body', async () => {
    const { common } = setup(textReply('', 500))
    expect(await revokeToken({ ...common, token: 'at-1' })).toMatchObject({ kind: 'not_oauth', status: 500, reason: 'an empty body' })
  })
})

describe('fetchUserinfo', () => {
  it('sends the access token as Bearer and returns the claims', async () => {
    const { common, sent, exchanges } = setup(jsonReply({ sub: 'alice', name: 'Alice' }))
    expect(await fetchUserinfo({ server, access_token: 'at-1', record: common.record, baseFetch: common.baseFetch })).toEqual({
      kind: 'userinfo', claims: { sub: 'alice', name: 'Alice' }, conformance: [], exchange: exchanges[0],
    })
    expect(sent[0]?.method).toBe('GET')
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer at-1')
    expect(exchanges[0]?.step).toBe('userinfo')
  })

  it('still returns claims without sub, noting the refusal', async () => {
    const { common } = setup(jsonReply({ name: 'Alice' }))
    expect(await fetchUserinfo({ ...common, access_token: 'at-1' })).toMatchObject({
      kind: 'userinfo', claims: { name: 'Alice' }, conformance: ['"response" body "sub" property must be a string'],
    })
  })

  it('returns oauth_error from the WWW-Authenticate header of a 401 without body', async () => {
    const { common } = setup(textReply('', 401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' }))
    expect(await fetchUserinfo({ ...common, access_token: 'at-1' })).toMatchObject({
      kind: 'oauth_error', status: 401, error: 'invalid_token', error_description: 'expired',
    })
  })

  it('names a token outside Latin-1 as an unsendable header, sending nothing', async () => {
    const { common, sent } = setup(jsonReply({ sub: 'alice' }))
    expect(await fetchUserinfo({ ...common, access_token: 'tök€n' })).toEqual({
      kind: 'transport',
      exchange: null,
      failure: {
        kind: 'invalid_header',
        message:
          'Header "Authorization" cannot be sent: its value contains "€" (U+20AC), outside the Latin-1 characters a header can carry. ' +
          'Nothing was sent; check the token or header value for pasted characters.',
      },
    })
    expect(sent).toHaveLength(0)
  })

  it('refuses a DPoP-bound token rather than sending it as Bearer', async () => {
    const { common, sent } = setup(jsonReply({ sub: 'alice' }))
    expect(await fetchUserinfo({ ...common, access_token: 'at-1', token_type: 'DPoP' })).toMatchObject({ kind: 'invalid_input', field: 'access_token' })
    expect(sent).toHaveLength(0)
  })

  it('returns not_oauth for a 200 HTML page', async () => {
    const { common } = setup(textReply('<html>login</html>', 200, { 'content-type': 'text/html' }))
    expect(await fetchUserinfo({ ...common, access_token: 'at-1' })).toMatchObject({ kind: 'not_oauth', reason: 'an HTML page' })
  })

  it('returns invalid_input naming access_token when it is empty', async () => {
    const { common } = setup()
    expect(await fetchUserinfo({ ...common, access_token: '' })).toMatchObject({ kind: 'invalid_input', field: 'access_token' })
  })
})
