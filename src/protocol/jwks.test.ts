import { describe, expect, it } from 'vitest'
import type { HttpExchange } from './http-exchange.ts'
import { fetchJwks } from './jwks.ts'
import { jsonReply, scriptedFetch } from './scripted-fetch.ts'

const server = { issuer: 'https://as.example', jwks_uri: 'https://as.example/jwks' }

describe('fetchJwks', () => {
  it('returns the key set and records the exchange as step jwks', async () => {
    const recorded: HttpExchange[] = []
    const keys = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] }
    const outcome = await fetchJwks({ server, record: (e) => recorded.push(e), baseFetch: scriptedFetch(jsonReply(keys)) })
    expect(outcome).toMatchObject({ kind: 'jwks', jwks: keys })
    expect(recorded.map((exchange) => [exchange.step, exchange.request.method, exchange.request.url])).toEqual([
      ['jwks', 'GET', 'https://as.example/jwks'],
    ])
  })

  it('names the missing field when the environment has no jwks_uri', async () => {
    const outcome = await fetchJwks({ server: { issuer: 'https://as.example' }, record: () => {} })
    expect(outcome).toEqual({ kind: 'invalid_input', field: 'jwks_uri', message: '"JWKS URI" is not configured: discover the server or enter it' })
  })

  it('explains an HTML page where keys were expected', async () => {
    const html = new Response('<html><h1>Not here</h1></html>', { status: 200, headers: { 'content-type': 'text/html' } })
    const outcome = await fetchJwks({ server, record: () => {}, baseFetch: scriptedFetch(html) })
    expect(outcome).toMatchObject({ kind: 'not_oauth', status: 200, reason: 'an HTML page' })
  })

  it('classifies a 404 with an empty body', async () => {
    const outcome = await fetchJwks({ server, record: () => {}, baseFetch: scriptedFetch(new Response('', { status: 404 })) })
    expect(outcome).toMatchObject({ kind: 'not_oauth', status: 404, reason: 'an empty body' })
  })
})
