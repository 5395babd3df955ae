import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { createBrowserSession, heading } from './testing/browser-session.ts'
import {
  decideOnDevicePages,
  poll,
  postWithClient,
  registerDeviceClient,
  startDeviceFlow,
  type ClientCredentials,
} from './testing/oauth-requests.ts'
import { captureProviderNotices } from './testing/provider-notices.ts'
import { clockStoppedAt } from './testing/stopped-clock.ts'
import { PATHS } from './configuration.ts'

// A lifetime no approval outlasts however busy the machine; the tests about time move the sandbox's clock
// (it runs in this process) instead of waiting.
const DEVICE_CODE_TTL = 120
const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

let sandbox: RunningSandbox
let client: ClientCredentials
let providerNotices: ReturnType<typeof captureProviderNotices>

beforeAll(async () => {
  providerNotices = captureProviderNotices()
  sandbox = await startSandbox({ port: 0, interval: 1, deviceCodeTtl: DEVICE_CODE_TTL })
  client = await registerDeviceClient(sandbox.origin, WWW)
})

afterAll(async () => {
  await sandbox.close()
  providerNotices.restore()
})

describe('device authorization (RFC 8628 §3.1-3.2)', () => {
  test('the reply carries device_code, user_code, both verification URIs, expires_in = TTL and interval', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid read')

    expect(device.device_code).toEqual(expect.any(String))
    expect(device.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/)
    expect(device.verification_uri).toBe(`${sandbox.origin}${PATHS.deviceVerification}`)
    expect(device.verification_uri_complete).toBe(`${sandbox.origin}${PATHS.deviceVerification}?user_code=${device.user_code}`)
    expect(device.expires_in).toBe(DEVICE_CODE_TTL)
    expect(device.interval).toBe(1)
  })
})

describe('polling the token endpoint (RFC 8628 §3.4-3.5)', () => {
  test('a poll before approval answers 400 authorization_pending', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')

    const pending = await poll(sandbox.origin, client, device.device_code)

    expect(pending.status).toBe(400)
    expect(pending.json.error).toBe('authorization_pending')
  })

  test('a second pending poll sooner than the interval answers slow_down naming the interval grown by 5 s', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')

    const tooSoon = await clockStoppedAt(0, async () => {
      await poll(sandbox.origin, client, device.device_code)
      return poll(sandbox.origin, client, device.device_code)
    })

    expect(tooSoon.status).toBe(400)
    expect(tooSoon.json.error).toBe('slow_down')
    expect(tooSoon.json.error_description).toContain('6 seconds')
  })

  test('a pending poll after waiting the interval answers authorization_pending again', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')
    await poll(sandbox.origin, client, device.device_code)

    const next = await clockStoppedAt(1, () => poll(sandbox.origin, client, device.device_code))

    expect(next.json.error).toBe('authorization_pending')
  })

  test('after approval on the HTML pages a client_secret_basic poll returns access, refresh and ID tokens', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid profile read')
    expect((await poll(sandbox.origin, client, device.device_code)).json.error).toBe('authorization_pending')

    const pages = await decideOnDevicePages(device, 'approve')
    const tokens = await poll(sandbox.origin, client, device.device_code, 'client_secret_basic')

    expect(heading(pages.outcome)).toBe('Device approved')
    expect(tokens.status).toBe(200)
    expect(tokens.json).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      scope: 'openid profile read',
    })
  })

  test('a device flow started without scope is approved with the default scope openid (RFC 6749 §3.3)', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, '')

    const pages = await decideOnDevicePages(device, 'approve')
    const tokens = await poll(sandbox.origin, client, device.device_code)

    expect(heading(pages.outcome)).toBe('Device approved')
    expect(tokens.status).toBe(200)
    expect(tokens.json).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), scope: 'openid' })
  })

  test('after approval through verification_uri_complete a client_secret_post poll returns tokens', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'read')

    const pages = await decideOnDevicePages(device, 'approve', 'verification_uri_complete')
    const tokens = await poll(sandbox.origin, client, device.device_code, 'client_secret_post')

    expect(pages.codePage.html).toContain(`value="${device.user_code}"`)
    expect(tokens.status).toBe(200)
    expect(tokens.json).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), scope: 'read' })
    expect(tokens.json.id_token).toBeUndefined()
  })

  test('after Deny the page says "Request denied" and the poll answers access_denied', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')

    const pages = await decideOnDevicePages(device, 'deny')
    const denied = await poll(sandbox.origin, client, device.device_code)

    expect(heading(pages.outcome)).toBe('Request denied')
    expect(denied.status).toBe(400)
    expect(denied.json.error).toBe('access_denied')
  })

  test('a device_code polled after its lifetime answers expired_token', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')

    const expired = await clockStoppedAt(DEVICE_CODE_TTL + 1, () => poll(sandbox.origin, client, device.device_code))

    expect(expired.status).toBe(400)
    expect(expired.json.error).toBe('expired_token')
  })
})

describe('verification pages over HTTP', () => {
  test('an unknown user code shows the code form again with an error and the typed code', async () => {
    const browser = createBrowserSession()
    const codePage = await browser.open(`${sandbox.origin}${PATHS.deviceVerification}`)

    const again = await browser.submit(codePage, { user_code: 'BCDF-GHJK' })

    expect(again.status).toBe(200)
    expect(again.html).toContain('That code was not found')
    expect(again.html).toContain('value="BCDF-GHJK"')
    expect(again.html).toContain('<label for="user_code">User code</label>')
  })

  test('a wrong password shows the sign-in form again with an error, and demo/demo then reaches consent', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid read')
    const browser = createBrowserSession()
    const loginPage = await browser.submit(await browser.open(device.verification_uri), { user_code: device.user_code })

    const retry = await browser.submit(loginPage, { username: 'demo', password: 'wrong' })
    const consent = await browser.submit(retry, { username: 'demo', password: 'demo' })

    expect(heading(loginPage)).toBe('Sign in')
    expect(heading(retry)).toBe('Sign in')
    expect(retry.html).toContain('Wrong username or password.')
    expect(heading(consent)).toBe('Allow device-client to access your account?')
    expect(consent.html).toContain('<code>read</code>')
  })

  test('the interaction page without its cookie explains that the sign-in expired', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')
    const browser = createBrowserSession()
    const loginPage = await browser.submit(await browser.open(device.verification_uri), { user_code: device.user_code })

    const stranger = await fetch(loginPage.url)

    expect(stranger.status).toBe(400)
    expect(await stranger.text()).toContain('expired or was opened in another browser')
  })
})

describe('tokens from the device flow', () => {
  test('the access token reads the demo user at userinfo and the refresh token gets a new access token', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'openid profile email')
    await decideOnDevicePages(device, 'approve')
    const tokens = (await poll(sandbox.origin, client, device.device_code)).json

    const userinfo = await fetch(`${sandbox.origin}${PATHS.userinfo}`, {
      headers: { Authorization: `Bearer ${String(tokens.access_token)}` },
    })
    const refreshed = await postWithClient(`${sandbox.origin}${PATHS.token}`, client, 'client_secret_post', {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    })

    expect(await userinfo.json()).toMatchObject({ sub: 'demo', name: 'Demo User', email: 'demo@example.com' })
    expect(refreshed.status).toBe(200)
    expect(refreshed.json.access_token).toEqual(expect.any(String))
  })

  test('a device_code can be redeemed only once', async () => {
    const device = await startDeviceFlow(sandbox.origin, client, 'read')
    await decideOnDevicePages(device, 'approve')
    await poll(sandbox.origin, client, device.device_code)

    const again = await poll(sandbox.origin, client, device.device_code)

    expect(again.json.error).toBe('invalid_grant')
  })
})

describe('oidc-provider itself', () => {
  test('printed no notice or warning while serving the device flow', () => {
    expect(providerNotices.notices).toEqual([])
  })
})
