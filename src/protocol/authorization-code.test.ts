import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import {
  authorizationParameters,
  authorizationPreflight,
  authorizationUrl,
  checkRedirectUri,
  exchangeAuthorizationCode,
  pushAuthorizationRequest,
  pushedAuthorizationParameters,
} from './authorization-code.ts'
import { exchangeLog, jsonReply, scriptedFetch } from './scripted-fetch.ts'

const server = {
  issuer: 'https://as.example',
  authorization_endpoint: 'https://as.example/authorize?tenant=a',
  token_endpoint: 'https://as.example/token',
  pushed_authorization_request_endpoint: 'https://as.example/par',
}

const request = {
  client_id: 'web',
  redirect_uri: 'https://console.example/callback',
  scope: 'openid email',
  state: 'st',
  nonce: 'n',
  code_challenge: 'ch',
}

describe('authorization request', () => {
  it('lists the parameters in order, PKCE as S256, and lets an extra row override or add', () => {
    const parameters = authorizationParameters({
      ...request,
      extra: [
        { name: 'prompt', value: 'login', enabled: true },
        { name: 'login_hint', value: 'demo', enabled: false },
      ],
    })

    expect(parameters.toString()).toBe(
      'response_type=code&client_id=web&redirect_uri=https%3A%2F%2Fconsole.example%2Fcallback&scope=openid+email&state=st&nonce=n&code_challenge=ch&code_challenge_method=S256&prompt=login',
    )
  })

  it('leaves PKCE, nonce and a blank scope out when not asked for', () => {
    expect(authorizationParameters({ ...request, scope: ' ', nonce: undefined, code_challenge: undefined }).toString()).toBe(
      'response_type=code&client_id=web&redirect_uri=https%3A%2F%2Fconsole.example%2Fcallback&state=st',
    )
  })

  it('names the DPoP key with dpop_jkt when given one', () => {
    expect(authorizationParameters({ ...request, dpop_jkt: 'jkt-1' }).get('dpop_jkt')).toBe('jkt-1')
    expect(authorizationParameters(request).has('dpop_jkt')).toBe(false)
  })

  it('keeps the endpoint\'s own query in the authorization URL', () => {
    const url = authorizationUrl(server, pushedAuthorizationParameters('web', 'urn:r'))
    expect(url.ok && url.url.href).toBe('https://as.example/authorize?tenant=a&client_id=web&request_uri=urn%3Ar')
  })

  it('names the missing authorization endpoint', () => {
    expect(authorizationUrl({ issuer: 'https://as.example' }, new URLSearchParams())).toMatchObject({
      ok: false,
      failure: { field: 'authorization_endpoint' },
    })
  })

  it('refuses a redirect URI that is not an http(s) URL or has a fragment', () => {
    expect(checkRedirectUri('callback')?.message).toContain('"Redirect URI" is not a valid URL')
    expect(checkRedirectUri('https://console.example/callback#x')?.message).toBe('"Redirect URI" must not contain a fragment (#...)')
    expect(checkRedirectUri('http://127.0.0.1:5173/callback')).toBeNull()
  })
})

describe('pushAuthorizationRequest', () => {
  it('posts the parameters with client authentication and returns the request_uri', async () => {
    const baseFetch = scriptedFetch(jsonReply({ request_uri: 'urn:ietf:params:oauth:request_uri:1', expires_in: 60 }, 201))
    const log = exchangeLog()

    const outcome = await pushAuthorizationRequest({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic', parameters: authorizationParameters(request), record: log.record, baseFetch,
    })

    expect(outcome).toMatchObject({ kind: 'pushed', pushed: { request_uri: 'urn:ietf:params:oauth:request_uri:1', expires_in: 60 } })
    expect(baseFetch.sent[0]?.url).toBe('https://as.example/par')
    expect(baseFetch.sent[0]?.body).toContain('code_challenge=ch')
    expect(baseFetch.sent[0]?.headers.get('authorization')).toBe(`Basic ${btoa('web:s')}`)
    expect(log.exchanges[0]?.step).toBe('pushed-authorization')
  })

  it('reports an OAuth error from the PAR endpoint', async () => {
    const baseFetch = scriptedFetch(jsonReply({ error: 'invalid_request', error_description: 'bad redirect_uri' }, 400))
    const outcome = await pushAuthorizationRequest({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic', parameters: new URLSearchParams(), record: () => {}, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'oauth_error', error: 'invalid_request', error_description: 'bad redirect_uri', status: 400 })
  })
})

describe('exchangeAuthorizationCode', () => {
  const callback = () =>
    oauth.validateAuthResponse({ issuer: server.issuer }, { client_id: 'web' }, new URLSearchParams('code=c-1&state=st'), 'st')

  it('sends the code, redirect_uri and code_verifier, recorded as authorization-code', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'at', token_type: 'Bearer' }))
    const log = exchangeLog()

    const outcome = await exchangeAuthorizationCode({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_post', callbackParameters: callback(),
      redirect_uri: request.redirect_uri, code_verifier: 'v'.repeat(43), nonce: null, record: log.record, baseFetch,
    })

    expect(outcome).toMatchObject({ kind: 'tokens', tokens: { access_token: 'at' } })
    const body = new URLSearchParams(baseFetch.sent[0]?.body ?? '')
    expect(Object.fromEntries(body)).toMatchObject({
      grant_type: 'authorization_code', code: 'c-1', redirect_uri: request.redirect_uri, code_verifier: 'v'.repeat(43), client_id: 'web', client_secret: 's',
    })
    expect(log.exchanges[0]?.step).toBe('authorization-code')
  })

  it('sends no code_verifier without PKCE', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'at', token_type: 'Bearer' }))
    await exchangeAuthorizationCode({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic', callbackParameters: callback(),
      redirect_uri: request.redirect_uri, code_verifier: null, nonce: null, record: () => {}, baseFetch,
    })
    expect(baseFetch.sent[0]?.body).not.toContain('code_verifier')
  })

  it('keeps tokens whose ID token is missing when one was expected, the objection as a conformance note', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'at', token_type: 'Bearer' }))
    const outcome = await exchangeAuthorizationCode({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic', callbackParameters: callback(),
      redirect_uri: request.redirect_uri, code_verifier: null, nonce: 'n', record: () => {}, baseFetch,
    })
    expect(outcome.kind).toBe('tokens')
    expect(outcome.kind === 'tokens' && outcome.conformance.join(' ')).toContain('id_token')
  })

  it('refuses a bad redirect URI before sending', async () => {
    const baseFetch = scriptedFetch()
    const outcome = await exchangeAuthorizationCode({
      server, client_id: 'web', client_secret: 's', auth: 'client_secret_basic', callbackParameters: callback(),
      redirect_uri: 'nope', code_verifier: null, nonce: null, record: () => {}, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'invalid_input', field: 'redirect_uri' })
    expect(baseFetch.sent).toHaveLength(0)
  })
})

describe('authorizationPreflight', () => {
  const consoleCallback = 'http://127.0.0.1:5173/callback'

  it('has nothing to say for the console callback and a client it knows nothing about', () => {
    expect(authorizationPreflight({ redirect_uri: ' http://127.0.0.1:5173/callback ', consoleCallback })).toEqual([])
  })

  it('warns that a redirect URI elsewhere takes the code where this console cannot exchange it', () => {
    expect(authorizationPreflight({ redirect_uri: 'https://app.example/cb', consoleCallback })).toEqual([
      "The redirect URI is not this console's callback (http://127.0.0.1:5173/callback): the server will send the code to https://app.example/cb, so this console cannot exchange it.",
    ])
  })

  it('warns of a redirect URI and a grant the registered client does not have, which the server answers on its own error page', () => {
    const registration = { client_id: 'dev', grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'], redirect_uris: [] }
    expect(authorizationPreflight({ redirect_uri: consoleCallback, consoleCallback, registration })).toEqual([
      'The client registered no redirect_uris, not this one: the server will show an error page instead of sending the browser back (RFC 6749 §3.1.2.4).',
      'The client registered grant_types urn:ietf:params:oauth:grant-type:device_code, refresh_token, without authorization_code: the server will refuse it (unauthorized_client). Register a client for this flow, or choose another.',
    ])
  })

  it('is quiet for a registered client with this redirect URI and the grant, and ignores metadata that is not a string list', () => {
    expect(authorizationPreflight({ redirect_uri: consoleCallback, consoleCallback, registration: { redirect_uris: [consoleCallback], grant_types: ['authorization_code'] } })).toEqual([])
    expect(authorizationPreflight({ redirect_uri: consoleCallback, consoleCallback, registration: { redirect_uris: 'x', grant_types: [1] } })).toEqual([])
  })
})
