import { base64url, decodeJwt, decodeProtectedHeader } from 'jose'
import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import { exchangeAuthorizationCode } from './authorization-code.ts'
import { requestClientCredentials } from './client-credentials.ts'
import { dpopKeyThumbprint, ecJwkThumbprint } from './dpop-key.ts'
import { sendApiRequest } from './external-api.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'
import { refreshTokens } from './token-actions.ts'

const server = { issuer: 'https://as.example', token_endpoint: 'https://as.example/oauth/token' }
const nonceError = { error: 'use_dpop_nonce', error_description: 'nonce is required in the DPoP proof' }
const bound = { access_token: 'at-dpop', token_type: 'DPoP', expires_in: 300 }

const keyPair = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>
const proofOf = (headers: Headers | undefined) => decodeJwt(headers?.get('dpop') ?? '')

describe('DPoP token requests', () => {
  it('retries a use_dpop_nonce refusal once with the server nonce, recording both exchanges', async () => {
    const baseFetch = scriptedFetch(jsonReply(nonceError, 400, { 'dpop-nonce': 'n-1' }), jsonReply(bound))
    const log = exchangeLog()
    const outcome = await requestClientCredentials({
      server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic', record: log.record, baseFetch, dpop: await keyPair(),
    })
    expect(outcome).toMatchObject({ kind: 'tokens', tokens: bound, exchange: log.exchanges[1] })
    expect(log.exchanges.map((exchange) => exchange.response?.status)).toEqual([400, 200])
    // The challenge is part of the outcome, so the step can say why a 400 came first; a DPoP token asked for is no conformance issue.
    expect(outcome.kind === 'tokens' && outcome.dpopNonce).toEqual({ nonce: 'n-1', exchange: log.exchanges[0] })
    expect(outcome.kind === 'tokens' && outcome.conformance).toEqual([])
    const [first, second] = baseFetch.sent.map((request) => proofOf(request.headers))
    expect(first).toMatchObject({ htm: 'POST', htu: 'https://as.example/oauth/token' })
    expect(first?.nonce).toBeUndefined()
    expect(second).toMatchObject({ htm: 'POST', nonce: 'n-1' })
  })

  it('retries only once: a second use_dpop_nonce is the outcome', async () => {
    const baseFetch = scriptedFetch(jsonReply(nonceError, 400, { 'dpop-nonce': 'n-1' }), jsonReply(nonceError, 400, { 'dpop-nonce': 'n-2' }))
    const log = exchangeLog()
    const outcome = await requestClientCredentials({
      server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic', record: log.record, baseFetch, dpop: await keyPair(),
    })
    expect(outcome).toMatchObject({ kind: 'oauth_error', error: 'use_dpop_nonce', status: 400 })
    expect(baseFetch.sent).toHaveLength(2)
  })

  it('has no nonce challenge when the first proof is accepted', async () => {
    const baseFetch = scriptedFetch(jsonReply(bound))
    const outcome = await requestClientCredentials({
      server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic', record: () => {}, baseFetch, dpop: await keyPair(),
    })
    expect(outcome).toMatchObject({ kind: 'tokens', conformance: [] })
    expect(outcome.kind === 'tokens' && 'dpopNonce' in outcome).toBe(false)
  })

  it('notes a DPoP token the request did not ask for: no proof was sent, so there is no key to prove it with', async () => {
    const baseFetch = scriptedFetch(jsonReply(bound))
    const outcome = await requestClientCredentials({ server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic', record: () => {}, baseFetch })
    expect(outcome.kind === 'tokens' && outcome.conformance).toEqual([
      'token_type is DPoP although the request carried no DPoP proof, so there is no key to prove it with; the console will not send it as Bearer (RFC 9449 §5, §7.1)',
    ])
  })

  it('sends no DPoP header without a key', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'a', token_type: 'Bearer' }))
    await requestClientCredentials({ server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic', record: () => {}, baseFetch })
    expect(baseFetch.sent[0]?.headers.has('dpop')).toBe(false)
  })
})

describe('DPoP on the code exchange and the refresh', () => {
  const callback = () =>
    oauth.validateAuthResponse({ issuer: server.issuer }, { client_id: 'web' }, new URLSearchParams('code=c-1&state=st'), 'st')
  const client = { server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic' as const }

  it('exchanges the code with a proof from the key, retrying use_dpop_nonce once with both exchanges recorded', async () => {
    const baseFetch = scriptedFetch(jsonReply(nonceError, 400, { 'dpop-nonce': 'n-1' }), jsonReply(bound))
    const log = exchangeLog()
    const dpop = await keyPair()
    const outcome = await exchangeAuthorizationCode({
      ...client, callbackParameters: callback(), redirect_uri: 'https://console.example/callback', code_verifier: null, nonce: null,
      record: log.record, baseFetch, dpop,
    })
    expect(outcome).toMatchObject({ kind: 'tokens', tokens: bound })
    expect(log.exchanges.map((exchange) => [exchange.step, exchange.response?.status])).toEqual([['authorization-code', 400], ['authorization-code', 200]])
    expect(outcome.kind === 'tokens' && outcome.dpopNonce?.nonce).toBe('n-1')
    const header = decodeProtectedHeader(baseFetch.sent[1]?.headers.get('dpop') ?? '')
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' })
    expect(await ecJwkThumbprint(header.jwk as JsonWebKey)).toBe(await dpopKeyThumbprint(dpop))
    expect(proofOf(baseFetch.sent[1]?.headers)).toMatchObject({ htm: 'POST', htu: 'https://as.example/oauth/token', nonce: 'n-1' })
    expect(new URLSearchParams(baseFetch.sent[1]?.body ?? '').get('code')).toBe('c-1')
  })

  it('refreshes DPoP-bound tokens with a proof from their key, retrying use_dpop_nonce once', async () => {
    const baseFetch = scriptedFetch(jsonReply(nonceError, 400, { 'dpop-nonce': 'n-2' }), jsonReply({ ...bound, refresh_token: 'rt-2' }))
    const log = exchangeLog()
    const outcome = await refreshTokens({ ...client, refresh_token: 'rt-1', token_type: 'DPoP', dpop: await keyPair(), record: log.record, baseFetch })
    expect(outcome).toMatchObject({ kind: 'tokens', tokens: { token_type: 'DPoP', refresh_token: 'rt-2' } })
    expect(log.exchanges.map((exchange) => [exchange.step, exchange.response?.status])).toEqual([['refresh', 400], ['refresh', 200]])
    expect(proofOf(baseFetch.sent[0]?.headers)).toMatchObject({ htm: 'POST', htu: 'https://as.example/oauth/token' })
    expect(proofOf(baseFetch.sent[1]?.headers)).toMatchObject({ nonce: 'n-2' })
  })

  it('refuses to refresh DPoP-bound tokens without their key, sending nothing', async () => {
    const baseFetch = scriptedFetch()
    const outcome = await refreshTokens({ ...client, refresh_token: 'rt-1', token_type: 'DPoP', record: () => {}, baseFetch })
    expect(outcome).toMatchObject({ kind: 'invalid_input', field: 'dpop' })
    expect(outcome.kind === 'invalid_input' && outcome.message).toContain('must carry a DPoP proof from the same key (RFC 9449 §5)')
    expect(baseFetch.sent).toHaveLength(0)
  })

  it('refreshes Bearer tokens without a proof', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'a', token_type: 'Bearer' }))
    await refreshTokens({ ...client, refresh_token: 'rt-1', token_type: 'Bearer', record: () => {}, baseFetch })
    expect(baseFetch.sent[0]?.headers.has('dpop')).toBe(false)
  })
})

describe('DPoP API requests', () => {
  it('sends a DPoP-bound token as Authorization: DPoP with a proof carrying ath, retrying a nonce challenge once', async () => {
    const baseFetch = scriptedFetch(
      textReply('', 401, { 'www-authenticate': 'DPoP error="use_dpop_nonce", error_description="nonce required"', 'dpop-nonce': 'rs-1' }),
      jsonReply({ sub: 'alice' }),
    )
    const log = exchangeLog()
    const outcome = await sendApiRequest({
      method: 'GET', url: 'https://api.example/me', headers: [], body: null, bearer: 'at-dpop', bearer_token_type: 'DPoP',
      dpop: await keyPair(), record: log.record, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'response', status: 200, json: { sub: 'alice' } })
    expect(log.exchanges.map((exchange) => exchange.response?.status)).toEqual([401, 200])
    expect(baseFetch.sent[1]?.headers.get('authorization')).toBe('DPoP at-dpop')
    const ath = base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('at-dpop'))))
    expect(proofOf(baseFetch.sent[1]?.headers)).toMatchObject({ htm: 'GET', htu: 'https://api.example/me', ath, nonce: 'rs-1' })
  })

  it('shows any other challenge as the reply, without a retry', async () => {
    const baseFetch = scriptedFetch(textReply('', 401, { 'www-authenticate': 'DPoP error="invalid_token"' }))
    const outcome = await sendApiRequest({
      method: 'GET', url: 'https://api.example/me', headers: [], body: null, bearer: 'at-dpop', bearer_token_type: 'DPoP',
      dpop: await keyPair(), record: () => {}, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'response', status: 401 })
    expect(baseFetch.sent).toHaveLength(1)
  })
})
