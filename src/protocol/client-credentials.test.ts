import { describe, expect, it } from 'vitest'
import { requestClientCredentials, type ClientCredentialsInput } from './client-credentials.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'

const server = { issuer: 'https://as.example', token_endpoint: 'https://as.example/oauth/token' }
const tokens = { access_token: 'at-1', token_type: 'Bearer', expires_in: 300, scope: 'read' }

function run(replies: Parameters<typeof scriptedFetch>, overrides: Partial<ClientCredentialsInput> = {}) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  const outcome = requestClientCredentials({
    server, client_id: 'svc', client_secret: 's3cret', auth: 'client_secret_basic', record: log.record, baseFetch, ...overrides,
  })
  return { outcome, sent: baseFetch.sent, exchanges: log.exchanges }
}

describe('requestClientCredentials', () => {
  it('posts grant_type, scope and enabled extra parameters with Basic auth, and returns the tokens and the exchange', async () => {
    const { outcome, sent, exchanges } = run([jsonReply(tokens)], {
      scope: ' read ',
      extra: [
        { name: 'audience', value: 'api', enabled: true },
        { name: 'resource', value: 'https://api.example', enabled: false },
        { name: ' ', value: 'ignored', enabled: true },
      ],
    })
    const result = await outcome
    expect(result).toEqual({ kind: 'tokens', tokens, conformance: [], exchange: exchanges[0] })
    expect(sent[0]?.url).toBe('https://as.example/oauth/token')
    expect(sent[0]?.method).toBe('POST')
    expect(sent[0]?.body).toBe('audience=api&scope=read&grant_type=client_credentials')
    expect(sent[0]?.headers.get('authorization')).toBe(`Basic ${btoa('svc:s3cret')}`)
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]?.step).toBe('client-credentials')
  })

  it('puts the credentials in the body with client_secret_post', async () => {
    const { outcome, sent } = run([jsonReply(tokens)], { auth: 'client_secret_post' })
    await outcome
    expect(sent[0]?.body).toBe('grant_type=client_credentials&client_id=svc&client_secret=s3cret')
    expect(sent[0]?.headers.has('authorization')).toBe(false)
  })

  it('allows a plain http token endpoint, as local servers use', async () => {
    const { outcome } = run([jsonReply(tokens)], { server: { issuer: 'http://localhost:3000', token_endpoint: 'http://localhost:3000/token' } })
    expect((await outcome).kind).toBe('tokens')
  })

  it('returns invalid_input naming token_endpoint when it is missing, without sending', async () => {
    const { outcome, sent } = run([], { server: { issuer: 'https://as.example' } })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'token_endpoint', message: '"Token endpoint" is not configured: discover the server or enter it',
    })
    expect(sent).toHaveLength(0)
  })

  it('returns invalid_input naming client_id when it is blank', async () => {
    const { outcome } = run([], { client_id: '  ' })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'client_id', message: '"client_id" is empty: expected the client\'s identifier',
    })
  })

  it('returns invalid_input naming client_secret when a secret method has none', async () => {
    const { outcome } = run([], { client_secret: '' })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'client_secret',
      message: '"client_secret" is empty: client_secret_basic sends a secret (choose "none" for a public client)',
    })
  })

  it('returns invalid_input with the URL problem when the token endpoint is not a URL', async () => {
    const { outcome } = run([], { server: { issuer: '', token_endpoint: 'as.example/token' } })
    expect(await outcome).toMatchObject({ kind: 'invalid_input', field: 'token_endpoint' })
  })

  it('still returns the tokens of a refused 200 reply, with the refusal in conformance', async () => {
    const { outcome } = run([jsonReply({ access_token: 'at', token_type: 'Bearer', expires_in: 'soon' })])
    expect(await outcome).toMatchObject({
      kind: 'tokens',
      tokens: { access_token: 'at', token_type: 'Bearer' },
      conformance: ['"response" body "expires_in" property must be a number'],
    })
  })

  it('still returns tokens of an unknown token_type, with the refusal in conformance', async () => {
    const { outcome } = run([jsonReply({ access_token: 'at', token_type: 'N_A' })])
    expect(await outcome).toMatchObject({ kind: 'tokens', conformance: ['unsupported `token_type` value'] })
  })

  it('returns not_oauth with the library reason for a 200 JSON object without access_token', async () => {
    const { outcome, exchanges } = run([jsonReply({ token: 'at' })])
    expect(await outcome).toEqual({
      kind: 'not_oauth', status: 200, contentType: 'application/json',
      reason: 'a JSON object that is not a token response: "response" body "access_token" property must be a string',
      exchange: exchanges[0],
    })
  })

  it.each([
    ['', 'an empty body', 'application/json'],
    ['{"', 'a body that is not JSON', 'application/json'],
    ['null', 'JSON that is not an object', 'application/json'],
    ['[]', 'JSON that is not an object', 'application/json'],
    ['<!doctype html><html><body>Login</body></html>', 'an HTML page', 'text/html'],
  ])('returns not_oauth for a 200 with %j: %s', async (body, reason, contentType) => {
    const { outcome } = run([textReply(body, 200, { 'content-type': contentType })])
    expect(await outcome).toMatchObject({ kind: 'not_oauth', status: 200, contentType, reason })
  })

  it('returns oauth_error for a 500 with an OAuth error body', async () => {
    const { outcome, exchanges } = run([jsonReply({ error: 'server_error', error_description: 'db down' }, 500)])
    expect(await outcome).toEqual({
      kind: 'oauth_error', status: 500, error: 'server_error', error_description: 'db down', exchange: exchanges[0],
    })
  })

  it('returns oauth_error for a 401 invalid_client that also carries a Basic challenge', async () => {
    const { outcome } = run([jsonReply({ error: 'invalid_client' }, 401, { 'www-authenticate': 'Basic realm="oauth"' })])
    expect(await outcome).toMatchObject({ kind: 'oauth_error', status: 401, error: 'invalid_client' })
  })

  it('returns oauth_error for a 400 OAuth error served as text/plain', async () => {
    const { outcome } = run([textReply('{"error":"invalid_scope"}', 400, { 'content-type': 'text/plain' })])
    expect(await outcome).toMatchObject({ kind: 'oauth_error', status: 400, error: 'invalid_scope' })
  })

  it('returns oauth_error for an OAuth error sent with HTTP 200', async () => {
    const { outcome } = run([jsonReply({ error: 'invalid_client', error_description: 'bad secret' })])
    expect(await outcome).toMatchObject({ kind: 'oauth_error', status: 200, error: 'invalid_client', error_description: 'bad secret' })
  })

  it('returns not_oauth for a 502 HTML page from a gateway', async () => {
    const { outcome } = run([textReply('<html><body>502 Bad Gateway</body></html>', 502, { 'content-type': 'text/html' })])
    expect(await outcome).toMatchObject({ kind: 'not_oauth', status: 502, reason: 'an HTML page' })
  })

  it('returns transport with the recorded exchange when no response arrives', async () => {
    const { outcome, exchanges } = run([new TypeError('Failed to fetch'), new TypeError('Failed to fetch')])
    const result = await outcome
    expect(result).toMatchObject({ kind: 'transport', failure: { kind: 'network' } })
    expect(result.kind === 'transport' && result.exchange).toBe(exchanges[0])
  })
})
