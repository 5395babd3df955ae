import { expect, test } from '@playwright/test'
import { discoverScenario, expectNoScriptRan, expectPageWorks, refuseDialogs, requestsElsewhere } from './hostile-page.ts'
import { E2E_HOSTILE } from './servers.ts'

const elsewhere = E2E_HOSTILE.elsewhere.origin

test.beforeEach(async ({ page }) => {
  // Each test walks several misbehaving servers in one page load: more steps than one journey.
  test.slow()
  refuseDialogs(page)
  await page.goto('/')
})

test('endpoints on another origin are flagged at discovery and get no credential until that origin is allowed', async ({ page, request }) => {
  await discoverScenario(page, 'cross-origin')
  const environment = page.getByRole('region', { name: 'Environment' })
  await expect(environment.getByText("Endpoints off the issuer's origin")).toBeVisible()
  await expect(environment).toContainText(`${elsewhere} (another origin than the issuer's): Token endpoint, Device authorization endpoint, Registration endpoint`)

  // Client secret: refused before sending, the typed scope kept.
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByLabel('Scope').fill('dcr typed')
  await credentials.getByRole('button', { name: 'Request token' }).click()
  await expect(credentials.getByRole('alert')).toContainText(`The Token endpoint is on ${elsewhere}, not the issuer's origin`)
  await expect(credentials.getByLabel('Scope')).toHaveValue('dcr typed')

  // Device flow: the client's credentials stay home too.
  const device = page.getByRole('region', { name: 'Device Flow' })
  await device.getByRole('button', { name: 'Start device flow' }).click()
  await expect(device.getByRole('alert')).toContainText(`The Device authorization endpoint is on ${elsewhere}`)
  expect(await requestsElsewhere(request, 'cross-origin')).toEqual([])

  // The person allows that origin by name; then, and only then, the request goes there.
  await environment.getByRole('button', { name: `Allow credentials to ${elsewhere}` }).click()
  await expect(environment.getByRole('button', { name: `Withdraw credentials from ${elsewhere}` })).toBeVisible()
  await credentials.getByRole('button', { name: 'Request token' }).click()
  await expect(credentials.getByText('Token issued')).toBeVisible()
  expect((await requestsElsewhere(request, 'cross-origin')).map((entry) => entry.path)).toEqual(['/s/cross-origin/token'])
  await expectNoScriptRan(page)
  await expectPageWorks(page)
})

test('an issuer mix-up is an error and its endpoints are not used', async ({ page }) => {
  const environment = page.getByRole('region', { name: 'Environment' })
  const tokenEndpointBefore = await environment.getByLabel('Token endpoint').inputValue()
  await environment.getByLabel('Issuer URL').fill(E2E_HOSTILE.issuer('mix-up'))
  await environment.getByRole('button', { name: 'Discover' }).click()

  await expect(environment.getByRole('alert')).toContainText('Issuer mix-up')
  await expect(environment.getByRole('alert')).toContainText('names issuer https://login.other.example/, but the console asked for')
  await expect(environment.getByText('Endpoints discovered')).toHaveCount(0)
  await expect(environment.getByLabel('Token endpoint')).toHaveValue(tokenEndpointBefore)
  await expect(environment.getByLabel('Issuer URL')).toHaveValue(E2E_HOSTILE.issuer('mix-up'))
  await expectPageWorks(page)
})

test('redirects from the token, registration and JWKS endpoints are shown as not followed, and nothing reaches the other origin', async ({ page, request }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })

  await test.step('token endpoint 307', async () => {
    await discoverScenario(page, 'redirect-token')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Redirect not followed')
    await expect(credentials.getByRole('alert')).toContainText('not followed')
    expect(await requestsElsewhere(request, 'redirect-token')).toEqual([])
  })

  await test.step('registration endpoint 307 with a Bearer token and a body', async () => {
    await discoverScenario(page, 'redirect-register')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText('Redirect not followed')
    await expect(api.getByText('A client was registered')).toHaveCount(0)
    await expect(api.getByRole('textbox', { name: 'Request body' })).toHaveValue(/device-client/)
    expect(await requestsElsewhere(request, 'redirect-register')).toEqual([])
  })

  await test.step('JWKS 307: no signature verdict from another origin\'s keys', async () => {
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
  await expectNoScriptRan(page)
  await expectPageWorks(page)
})
