import { expect, test } from '@playwright/test'
import {
  discoverScenario,
  expectPageWorks,
  fillIssuer,
  hostileCase,
  newestToken,
  refuseDialogs,
  requestsElsewhere,
  requestsTo,
  typeEnvironmentName,
} from './hostile-page.ts'
import { E2E_HOSTILE } from './servers.ts'

// Issue 9, item 1: secrets never follow a server's lead to other origins, redirects are never
// followed, an issuer mix-up is an error.
const elsewhere = E2E_HOSTILE.elsewhere.origin

test.beforeEach(async ({ page }) => {
  // Each test walks several misbehaving servers in one page load: more steps than one journey.
  test.slow()
  refuseDialogs(page)
  await page.goto('/')
  await typeEnvironmentName(page)
})

test('endpoints on another origin or downgraded to http get no credential until that origin is allowed', async ({ page, request }) => {
  const environment = page.getByRole('region', { name: 'Environment' })
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const device = page.getByRole('region', { name: 'Device Flow' })
  const api = page.getByRole('region', { name: 'External API' })

  await hostileCase(page, 'discovery naming endpoints on another origin is flagged', async () => {
    await discoverScenario(page, 'cross-origin')
    await expect(environment.getByText("Endpoints off the issuer's origin")).toBeVisible()
    await expect(environment).toContainText(
      `${elsewhere} (another origin than the issuer's): Token endpoint, Device authorization endpoint, Registration endpoint`,
    )
    await expect(environment).toContainText('nothing is sent there yet')
  })

  await hostileCase(page, 'the client secret is not sent to the other origin, the typed scope kept', async () => {
    await credentials.getByLabel('Scope').fill('dcr typed')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText(`The Token endpoint is on ${elsewhere}, not the issuer's origin`)
    await expect(credentials.getByRole('alert')).toContainText(`Allow credentials to ${elsewhere}`)
    await expect(credentials.getByLabel('Scope')).toHaveValue('dcr typed')
  })

  await hostileCase(page, 'the device flow sends no client credentials there either', async () => {
    await device.getByRole('button', { name: 'Start device flow' }).click()
    await expect(device.getByRole('alert')).toContainText(`The Device authorization endpoint is on ${elsewhere}`)
    expect(await requestsElsewhere(request, 'cross-origin')).toEqual([])
  })

  await hostileCase(page, 'allowing the origin by name lets the request go, and only then', async () => {
    await environment.getByRole('button', { name: `Allow credentials to ${elsewhere}` }).click()
    await expect(environment.getByRole('button', { name: `Withdraw credentials from ${elsewhere}` })).toBeVisible()
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    expect((await requestsElsewhere(request, 'cross-origin')).map((entry) => entry.path)).toEqual(['/s/cross-origin/token'])
  })

  await hostileCase(page, 'withdrawing the origin stops credentials again', async () => {
    await environment.getByRole('button', { name: `Withdraw credentials from ${elsewhere}` }).click()
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText(`The Token endpoint is on ${elsewhere}, not the issuer's origin`)
    expect(await requestsElsewhere(request, 'cross-origin')).toHaveLength(1)
  })

  await hostileCase(page, 'a Bearer token is not sent to an External API URL on the other origin until allowed there', async () => {
    await api.getByRole('textbox', { name: 'Request body' }).fill('{"software_id": "typed-by-hand"}')
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText(`The request URL is on ${elsewhere}, not the issuer's origin`)
    expect(await requestsElsewhere(request, 'cross-origin')).toHaveLength(1)
    await api.getByRole('button', { name: `Allow credentials to ${elsewhere}` }).click()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByText('A client was registered')).toBeVisible()
    const registered = (await requestsElsewhere(request, 'cross-origin')).at(-1)
    expect(registered).toMatchObject({ path: '/s/cross-origin/register', authorization: 'Bearer hostile-access-token' })
    await expect(api.getByRole('textbox', { name: 'Request body' })).toHaveValue('{"software_id": "typed-by-hand"}')
  })

  await hostileCase(page, 'plain http endpoints under an https issuer are a downgrade and get nothing', async () => {
    const httpsIssuer = E2E_HOSTILE.issuer('downgrade').replace('http:', 'https:')
    const httpsOrigin = new URL(httpsIssuer).origin
    await environment.getByLabel('Issuer URL').fill(httpsIssuer)
    await environment.getByLabel('Token endpoint').fill(`${E2E_HOSTILE.issuer('downgrade')}/token`)
    await expect(environment).toContainText(`${E2E_HOSTILE.origin} (plain http, while the issuer uses https): Token endpoint`)
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText(
      `The Token endpoint is on ${E2E_HOSTILE.origin}, plain http while the issuer ${httpsOrigin} uses https. Nothing was sent`,
    )
    await expect(environment.getByLabel('Token endpoint')).toHaveValue(`${E2E_HOSTILE.issuer('downgrade')}/token`)
    expect(await requestsTo(request, 'downgrade')).toEqual([])
  })
  await expectPageWorks(page)
})

test('an issuer mix-up is an error and its endpoints are not used unless the person says so', async ({ page }) => {
  const environment = page.getByRole('region', { name: 'Environment' })
  const credentials = page.getByRole('region', { name: 'Client Credentials' })

  await hostileCase(page, 'discovery naming another issuer is an Issuer mix-up error', async () => {
    const tokenEndpointBefore = await environment.getByLabel('Token endpoint').inputValue()
    await fillIssuer(page, 'mix-up')
    await environment.getByRole('button', { name: 'Discover' }).click()
    await expect(environment.getByRole('alert')).toContainText('Issuer mix-up')
    await expect(environment.getByRole('alert')).toContainText('names issuer https://login.other.example/, but the console asked for')
    await expect(environment.getByText('Endpoints discovered')).toHaveCount(0)
    await expect(environment.getByLabel('Token endpoint')).toHaveValue(tokenEndpointBefore)
    await expect(environment.getByLabel('Issuer URL')).toHaveValue(E2E_HOSTILE.issuer('mix-up'))
  })

  await hostileCase(page, '"Use these endpoints anyway" keeps the issuer asked for, and its origin checks', async () => {
    await environment.getByRole('button', { name: 'Use these endpoints anyway' }).click()
    await expect(environment.getByLabel('Token endpoint')).toHaveValue(`${E2E_HOSTILE.issuer('mix-up')}/token`)
    await expect(environment.getByLabel('Issuer URL')).toHaveValue(E2E_HOSTILE.issuer('mix-up'))
    await expect(environment.getByText("Endpoints off the issuer's origin")).toHaveCount(0)
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
  })
  await expectPageWorks(page)
})

test('redirects from discovery, token, device, registration, userinfo and JWKS endpoints are shown as not followed', async ({ page, request }) => {
  const environment = page.getByRole('region', { name: 'Environment' })
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const device = page.getByRole('region', { name: 'Device Flow' })
  const api = page.getByRole('region', { name: 'External API' })

  await hostileCase(page, 'discovery 307: not followed, the endpoints as they were', async () => {
    const tokenEndpointBefore = await environment.getByLabel('Token endpoint').inputValue()
    await fillIssuer(page, 'redirect-discovery')
    await environment.getByRole('button', { name: 'Discover' }).click()
    await expect(environment.getByRole('alert')).toContainText('Redirect not followed')
    await expect(environment.getByLabel('Token endpoint')).toHaveValue(tokenEndpointBefore)
    expect(await requestsElsewhere(request, 'redirect-discovery')).toEqual([])
  })

  await hostileCase(page, 'token endpoint 307: the client secret is not re-sent elsewhere', async () => {
    await discoverScenario(page, 'redirect-token')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Redirect not followed')
    expect(await requestsElsewhere(request, 'redirect-token')).toEqual([])
  })

  await hostileCase(page, 'device authorization 307: not followed', async () => {
    await discoverScenario(page, 'redirect-device')
    await device.getByRole('button', { name: 'Start device flow' }).click()
    await expect(device.getByRole('alert')).toContainText('Redirect not followed')
    await expect(device.getByLabel('User code')).toHaveCount(0)
    expect(await requestsElsewhere(request, 'redirect-device')).toEqual([])
  })

  await hostileCase(page, 'registration 307 with a Bearer token and a body: no client from another origin', async () => {
    await discoverScenario(page, 'redirect-register')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText('Redirect not followed')
    await expect(api.getByText('A client was registered')).toHaveCount(0)
    await expect(api.getByRole('textbox', { name: 'Request body' })).toHaveValue(/device-client/)
    expect(await requestsElsewhere(request, 'redirect-register')).toEqual([])
  })

  await hostileCase(page, 'userinfo 302: the access token is not re-sent elsewhere', async () => {
    await discoverScenario(page, 'redirect-userinfo')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    const token = newestToken(page)
    await token.getByRole('button', { name: 'Userinfo' }).click()
    await expect(token.getByRole('alert')).toContainText('Redirect not followed')
    expect(await requestsElsewhere(request, 'redirect-userinfo')).toEqual([])
  })

  await hostileCase(page, "JWKS 307: no signature verdict from another origin's keys", async () => {
    await discoverScenario(page, 'redirect-jwks')
    const tokens = page.getByRole('region', { name: 'Tokens', exact: true })
    // Any JWT will do: the keys are what is at stake.
    const jwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJzb21lb25lIn0.c2lnbmF0dXJl'
    await tokens.getByLabel('Paste a token').fill(jwt)
    await tokens.getByRole('button', { name: 'Decode' }).click()
    const pasted = tokens.getByRole('group', { name: 'Pasted token' })
    await pasted.getByRole('button', { name: 'Verify signature' }).click()
    await expect(pasted.getByRole('alert')).toContainText('Redirect not followed')
    await expect(pasted.getByText('Signature verified')).toHaveCount(0)
    expect(await requestsElsewhere(request, 'redirect-jwks')).toEqual([])
  })
  await expectPageWorks(page)
})

test('keys and management URIs on another origin are not trusted until allowed', async ({ page, request }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })
  const management = page.getByRole('region', { name: 'Client Management' })

  await hostileCase(page, 'a jwks_uri on another origin is not fetched for a signature verdict', async () => {
    await discoverScenario(page, 'jwks-elsewhere')
    const tokens = page.getByRole('region', { name: 'Tokens', exact: true })
    await tokens.getByLabel('Paste a token').fill('eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJzb21lb25lIn0.c2lnbmF0dXJl')
    await tokens.getByRole('button', { name: 'Decode' }).click()
    const pasted = tokens.getByRole('group', { name: 'Pasted token' })
    await pasted.getByRole('button', { name: 'Verify signature' }).click()
    await expect(pasted.getByRole('alert')).toContainText(`The JWKS URI is on ${elsewhere}, not the issuer's origin`)
    await expect(pasted.getByText('Signature verified')).toHaveCount(0)
    expect(await requestsElsewhere(request, 'jwks-elsewhere')).toEqual([])
  })

  await hostileCase(page, 'a registration_client_uri on another origin gets no registration access token until allowed', async () => {
    await discoverScenario(page, 'register-elsewhere')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByText('A client was registered')).toBeVisible()
    await api.getByRole('button', { name: 'Use as device client' }).click()
    await management.getByRole('button', { name: 'Read' }).click()
    await expect(management.getByRole('alert')).toContainText(`The registration_client_uri is on ${elsewhere}, not the issuer's origin`)
    expect(await requestsElsewhere(request, 'register-elsewhere')).toEqual([])
    await management.getByRole('button', { name: `Allow credentials to ${elsewhere}` }).click()
    await management.getByRole('button', { name: 'Read' }).click()
    await expect(management.getByRole('alert')).not.toContainText('not the issuer')
    await expect.poll(async () => (await requestsElsewhere(request, 'register-elsewhere')).map((entry) => entry.authorization)).toEqual([
      'Bearer hostile-registration-access-token',
    ])
  })
  await expectPageWorks(page)
})
