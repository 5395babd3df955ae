import { describe, expect, it } from 'vitest'
import { discover } from './discovery.ts'
import { createRecordingFetch } from './recording-fetch.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'

const issuer = 'https://as.example/tenant'
const metadata = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  device_authorization_endpoint: `${issuer}/device`,
  jwks_uri: `${issuer}/jwks`,
  grant_types_supported: ['client_credentials'],
}
const endpoints = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  device_authorization_endpoint: `${issuer}/device`,
  jwks_uri: `${issuer}/jwks`,
}

function run(replies: Parameters<typeof scriptedFetch>, asked = issuer) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  return { outcome: discover({ issuer: asked, record: log.record, baseFetch }), sent: baseFetch.sent, exchanges: log.exchanges }
}

describe('discover', () => {
  it('reads OpenID Connect discovery metadata appended to the issuer path', async () => {
    const { outcome, sent, exchanges } = run([jsonReply(metadata)])
    expect(await outcome).toEqual({
      kind: 'found', source: 'openid-configuration', url: 'https://as.example/tenant/.well-known/openid-configuration',
      metadata, endpoints, conformance: [], exchange: exchanges[0],
    })
    expect(sent.map((request) => request.url)).toEqual(['https://as.example/tenant/.well-known/openid-configuration'])
    expect(sent[0]?.headers.get('accept')).toBe('application/json')
    expect(exchanges[0]?.step).toBe('discovery')
  })

  it('allows a plain http issuer, as the local sandbox uses', async () => {
    const local = 'http://localhost:3000'
    const { outcome } = run([jsonReply({ issuer: local, token_endpoint: `${local}/token` })], local)
    expect(await outcome).toMatchObject({ kind: 'found', url: 'http://localhost:3000/.well-known/openid-configuration' })
  })

  it('falls back to RFC 8414, inserting the well-known before the issuer path, when OIDC discovery is a 404', async () => {
    const { outcome, sent, exchanges } = run([textReply('Not Found', 404), jsonReply(metadata)])
    expect(await outcome).toMatchObject({
      kind: 'found', source: 'oauth-authorization-server',
      url: 'https://as.example/.well-known/oauth-authorization-server/tenant', endpoints, conformance: [],
      exchange: exchanges[1],
    })
    expect(sent).toHaveLength(2)
    expect(exchanges).toHaveLength(2)
  })

  it('falls back when OIDC discovery answers 200 with an HTML page', async () => {
    const { outcome } = run([textReply('<!doctype html><html></html>', 200, { 'content-type': 'text/html' }), jsonReply(metadata)])
    expect(await outcome).toMatchObject({ kind: 'found', source: 'oauth-authorization-server' })
  })

  it('returns no_metadata, with what each well-known URL answered, when neither document exists', async () => {
    const { outcome, exchanges } = run([textReply('', 404), textReply('<html>nope</html>', 404, { 'content-type': 'text/html' })])
    expect(await outcome).toEqual({
      kind: 'no_metadata',
      attempts: [
        { source: 'openid-configuration', url: `${issuer}/.well-known/openid-configuration`, answer: 'HTTP 404, an empty body', exchange: exchanges[0] },
        { source: 'oauth-authorization-server', url: 'https://as.example/.well-known/oauth-authorization-server/tenant', answer: 'HTTP 404, an HTML page', exchange: exchanges[1] },
      ],
    })
  })

  it('says which OAuth error a 404 carried, clipped and with invisible characters shown', async () => {
    const description = `unrecognized route\u202E${'x'.repeat(300)}`
    const { outcome } = run([jsonReply({ error: 'invalid_request', error_description: description }, 404), textReply('', 404)])
    const result = await outcome
    if (result.kind !== 'no_metadata') throw new Error(`expected no_metadata, got ${result.kind}`)
    expect(result.attempts[0]?.answer).toMatch(/^HTTP 404, OAuth error invalid_request: unrecognized route\\u\{202E\}x+\.\.\.$/)
    expect(result.attempts[0]?.answer.length).toBeLessThan(260)
  })

  it('keeps a CORS refusal, not no_metadata, when the second document is missing', async () => {
    // The request, the probe that finds the server answering (so CORS), then RFC 8414's 404.
    const { outcome } = run([new TypeError('Failed to fetch'), textReply('', 200), textReply('', 404)])
    expect(await outcome).toMatchObject({ kind: 'transport', failure: { kind: 'cors' } })
  })

  it('returns the RFC 8414 failure when it is the more telling one', async () => {
    const { outcome } = run([textReply('', 404), jsonReply({ error: 'server_error' }, 500)])
    expect(await outcome).toMatchObject({ kind: 'oauth_error', status: 500, error: 'server_error' })
  })

  it('does not fall back after a 500 OAuth error from OIDC discovery', async () => {
    const { outcome, sent } = run([jsonReply({ error: 'server_error' }, 500)])
    expect(await outcome).toMatchObject({ kind: 'oauth_error', status: 500, error: 'server_error' })
    expect(sent).toHaveLength(1)
  })

  it('does not fall back when the server is unreachable', async () => {
    const { outcome, sent } = run([new TypeError('Failed to fetch'), new TypeError('Failed to fetch')])
    expect(await outcome).toMatchObject({ kind: 'transport', failure: { kind: 'network' } })
    expect(sent).toHaveLength(2) // the request and the diagnosis probe
  })

  it('reports metadata naming another issuer as an issuer mix-up error, keeping its endpoints under the asked issuer', async () => {
    const { outcome } = run([jsonReply({ ...metadata, issuer: 'https://as.example/other' })])
    expect(await outcome).toMatchObject({
      kind: 'issuer_mismatch',
      asked: issuer,
      named: 'https://as.example/other',
      endpoints: { ...endpoints, issuer },
      message:
        'The metadata names issuer https://as.example/other, but the console asked for https://as.example/tenant (OpenID Connect Discovery 1.0 §4.3). ' +
        'They must be identical: a server answering for another issuer is how mix-up attacks start, so the endpoints were not used.',
    })
  })

  it('cites RFC 8414 §3.3 for an issuer mismatch in RFC 8414 metadata, a trailing slash included', async () => {
    const { outcome } = run([textReply('', 404), jsonReply({ ...metadata, issuer: 'https://as.example/tenant/' })])
    expect(await outcome).toMatchObject({ kind: 'issuer_mismatch', message: expect.stringContaining('(RFC 8414 §3.3)') })
  })

  it('still finds metadata without an issuer, keeping the asked issuer', async () => {
    const { issuer: _missing, ...rest } = metadata
    const { outcome } = run([jsonReply(rest)])
    expect(await outcome).toMatchObject({
      kind: 'found', endpoints: { issuer },
      conformance: ['the server\'s metadata has no "issuer" (OpenID Connect Discovery 1.0 §3)'],
    })
  })

  it('still finds metadata whose issuer is not a URL', async () => {
    const { outcome } = run([jsonReply({ ...metadata, issuer: 'tenant' })])
    expect(await outcome).toMatchObject({
      kind: 'found',
      conformance: ['the server\'s metadata names issuer "tenant", which is not a URL (OpenID Connect Discovery 1.0 §3)'],
    })
  })

  it('notes metadata served with another content type', async () => {
    const { outcome } = run([textReply(JSON.stringify(metadata), 200, { 'content-type': 'text/plain; charset=utf-8' })])
    expect(await outcome).toMatchObject({
      kind: 'found',
      conformance: ['the metadata was served as "text/plain; charset=utf-8", not "application/json" (OpenID Connect Discovery 1.0 §4.2)'],
    })
  })

  it('notes metadata that names no endpoints', async () => {
    const { outcome } = run([jsonReply({ issuer })])
    expect(await outcome).toMatchObject({ kind: 'found', endpoints: { issuer }, conformance: ['the metadata names no endpoints'] })
  })

  it.each([
    ['{"', 'a body that is not JSON'],
    ['null', 'JSON that is not an object'],
    ['[]', 'JSON that is not an object'],
    ['', 'an empty body'],
  ])('returns no_metadata when both documents are %j: %s', async (body, reason) => {
    const json = { 'content-type': 'application/json' }
    expect(await run([textReply(body, 200, json), textReply(body, 200, json)]).outcome).toMatchObject({
      kind: 'no_metadata', attempts: [{ answer: `HTTP 200, ${reason}` }, { answer: `HTTP 200, ${reason}` }],
    })
  })

  it('returns no_metadata for JSON objects that are not metadata', async () => {
    expect(await run([jsonReply({ hello: 'world' }), jsonReply({ hello: 'world' })]).outcome).toMatchObject({
      kind: 'no_metadata',
      attempts: [
        { answer: 'HTTP 200, a JSON object that is not authorization server metadata: the server\'s metadata has no "issuer" (OpenID Connect Discovery 1.0 §3)' },
        { answer: 'HTTP 200, a JSON object that is not authorization server metadata: the server\'s metadata has no "issuer" (RFC 8414 §2)' },
      ],
    })
  })

  it('returns invalid_input for an issuer that is not a URL, without sending', async () => {
    const { outcome, sent } = run([], 'as.example')
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'issuer',
      message: '"Issuer URL" is not a valid URL: expected an absolute http:// or https:// URL, got "as.example"',
    })
    expect(sent).toHaveLength(0)
  })

  it('accepts an issuer and a fetch, sharing the exchange a recording fetch logged', async () => {
    const log = exchangeLog()
    const fetchFn = createRecordingFetch('discovery', log.record, { baseFetch: scriptedFetch(jsonReply(metadata)) })
    const result = await discover(issuer, fetchFn)
    expect(result.kind === 'found' && result.exchange).toBe(log.exchanges[0])
    expect(log.exchanges).toHaveLength(1)
  })
})
