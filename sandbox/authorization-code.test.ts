import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { createBrowserSession, heading } from './testing/browser-session.ts'
import { postWithClient, type ClientCredentials } from './testing/oauth-requests.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }
const REDIRECT_URI = 'http://127.0.0.1:5173/callback'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})

afterAll(() => sandbox.close())

function authorizationUrl(extra: Record<string, string>) {
  const url = new URL(`${sandbox.origin}${PATHS.authorization}`)
  const params = { client_id: 'www', response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid email', ...extra }
  url.search = new URLSearchParams(params).toString()
  return url.href
}

test('www signs the demo user in with the authorization code flow and PKCE, then redeems the code', async () => {
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const browser = createBrowserSession()

  const login = await browser.open(authorizationUrl({ code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz' }))
  const consent = await browser.submit(login, { username: 'demo', password: 'demo' })
  const callback = await browser.submit(consent, { decision: 'approve' })
  const code = new URL(callback.redirectedTo ?? '').searchParams.get('code') ?? ''
  const tokens = await postWithClient(`${sandbox.origin}${PATHS.token}`, WWW, 'client_secret_basic', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  })

  expect(heading(login)).toBe('Sign in')
  expect(heading(consent)).toBe('Allow www to access your account?')
  expect(callback.redirectedTo).toMatch(/^http:\/\/127\.0\.0\.1:5173\/callback\?code=.+&state=xyz&iss=/)
  expect(tokens.status).toBe(200)
  expect(tokens.json).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), scope: 'openid email' })
})

test('www, a confidential client, may go without PKCE: the code is redeemed without a code_verifier', async () => {
  const browser = createBrowserSession()

  const login = await browser.open(authorizationUrl({ state: 'plain' }))
  const consent = await browser.submit(login, { username: 'demo', password: 'demo' })
  const callback = await browser.submit(consent, { decision: 'approve' })
  const code = new URL(callback.redirectedTo ?? '').searchParams.get('code') ?? ''
  const tokens = await postWithClient(`${sandbox.origin}${PATHS.token}`, WWW, 'client_secret_basic', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
  })

  expect(tokens.status).toBe(200)
  expect(tokens.json).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String) })
})

test('a pushed authorization request (RFC 9126) gives a request_uri the authorization endpoint accepts', async () => {
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const discovery = (await (await fetch(`${sandbox.origin}${PATHS.discovery}`)).json()) as Record<string, unknown>
  const pushed = await postWithClient(`${sandbox.origin}${PATHS.pushedAuthorization}`, WWW, 'client_secret_basic', {
    // The pushed parameters are the authorization request's own, client_id included (RFC 9126 §2.1).
    client_id: 'www',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
    state: 'pushed',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  const browser = createBrowserSession()
  const authorize = new URL(`${sandbox.origin}${PATHS.authorization}`)
  authorize.search = new URLSearchParams({ client_id: 'www', request_uri: String(pushed.json.request_uri) }).toString()

  const login = await browser.open(authorize.href)
  const consent = await browser.submit(login, { username: 'demo', password: 'demo' })
  const callback = await browser.submit(consent, { decision: 'approve' })

  expect(discovery.pushed_authorization_request_endpoint).toBe(`${sandbox.origin}${PATHS.pushedAuthorization}`)
  expect(pushed.status).toBe(201)
  expect(pushed.json).toMatchObject({ request_uri: expect.stringMatching(/^urn:ietf:params:oauth:request_uri:/), expires_in: expect.any(Number) })
  expect(new URL(callback.redirectedTo ?? '').searchParams.get('state')).toBe('pushed')
})
