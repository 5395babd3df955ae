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

test('an authorization request without PKCE is redirected back with invalid_request', async () => {
  const browser = createBrowserSession()

  const refused = await browser.open(authorizationUrl({ state: 'xyz' }))

  expect(refused.redirectedTo).toContain('error=invalid_request')
  expect(new URL(refused.redirectedTo ?? '').searchParams.get('error_description')).toContain('requires PKCE')
})
