import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { expectQrCodeOf } from './qr-code.ts'
import { E2E_SANDBOX, E2E_SANDBOX_CLIENT_ID_IN_BODY, E2E_SANDBOX_SPARSE_DEVICE, E2E_SANDBOX_STRICT_AUTH } from './servers.ts'
import { discover, registerDeviceClient, requestDcrToken, startDeviceFlow, walkToDeviceCode } from './walkthrough.ts'

function pollStep(page: Page) {
  return page.getByRole('region', { name: 'Poll' })
}

test('Curity\'s "client_id is missing": the diagnosis offers client_id in the body, one click gets the tokens, then the flow is done', async ({ page, browser }) => {
  await page.goto('/')
  const verificationUriComplete = await walkToDeviceCode(page, { issuer: E2E_SANDBOX_CLIENT_ID_IN_BODY.issuer })
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')

  // The registered method, Basic, is preselected; the server refuses it without client_id in the body.
  const step = pollStep(page)
  await expect(step).toContainText('with client_secret_basic')
  await step.getByRole('button', { name: 'Poll', exact: true }).click()
  await expect(step.getByText('Likely cause')).toBeVisible()
  await expect(step).toContainText('wants client_id in the request body')
  // The generic RFC meaning stays below the diagnosis.
  await expect(step).toContainText('What it means')

  await step.getByRole('button', { name: 'Also send client_id in the body' }).click()
  await expect(step.getByText('Tokens issued')).toBeVisible()
  await expect(step.getByLabel('Also send client_id in the body')).toBeChecked()

  // A final answer: Poll is off until a new flow starts.
  await expect(step.getByRole('button', { name: 'Poll', exact: true })).toBeDisabled()
  const firstCode = await page.getByRole('region', { name: 'Device Flow' }).getByLabel('User code').textContent()
  await step.getByRole('button', { name: 'Start over' }).click()
  await expect(page.getByRole('region', { name: 'Device Flow' }).getByLabel('User code')).not.toHaveText(firstCode ?? '')
  await expect(step.getByRole('button', { name: 'Poll', exact: true })).toBeEnabled()
})

test('a server enforcing the registered method: client credentials and polling with client_secret_post are diagnosed, "… with client_secret_basic" gets the tokens', async ({ page, browser }) => {
  await page.goto('/')
  await discover(page, E2E_SANDBOX_STRICT_AUTH.issuer)

  // The token request of step 1: the same diagnosis, and one click sends it again with the other method.
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByLabel('Client authentication').selectOption('client_secret_post')
  await credentials.getByRole('button', { name: 'Request token', exact: true }).click()
  await expect(credentials.getByText('unauthorized_client (HTTP 403)')).toBeVisible()
  await expect(credentials).toContainText(
    'Some servers answer unauthorized_client when a client authenticates with a method other than the one it was registered with (client_secret_post was used).',
  )
  await credentials.getByRole('button', { name: 'Request token with client_secret_basic' }).click()
  await expect(credentials.getByText('Token issued')).toBeVisible()
  await expect(credentials.getByLabel('Client authentication')).toHaveValue('client_secret_basic')
  await expect(credentials.getByText('Likely cause')).toHaveCount(0)

  await registerDeviceClient(page)
  const verificationUriComplete = await startDeviceFlow(page)
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')

  const step = pollStep(page)
  await step.getByLabel('Client authentication').selectOption('client_secret_post')
  await step.getByRole('button', { name: 'Poll', exact: true }).click()
  await expect(step.getByText('unauthorized_client (HTTP 403)')).toBeVisible()
  await expect(step).toContainText('This client registered token_endpoint_auth_method client_secret_basic, but the request authenticated with client_secret_post.')

  // Picking another client elsewhere does not change who polls.
  const deviceStep = page.getByRole('region', { name: 'Device Flow' })
  await deviceStep.getByLabel('Client', { exact: true }).selectOption({ label: 'www (confidential) — www' })
  await expect(step).toContainText('Polling as device-client (registered)')

  await step.getByRole('button', { name: 'Poll with client_secret_basic' }).click()
  await expect(step.getByText('Tokens issued')).toBeVisible()
})

test('a sparse device reply and slow_down on the first poll: 5 s default interval, QR of the verification URI, tokens by automatic polling', async ({ page, browser }) => {
  await page.goto('/')
  await discover(page, E2E_SANDBOX_SPARSE_DEVICE.issuer)
  await requestDcrToken(page)
  await registerDeviceClient(page)

  const deviceStep = page.getByRole('region', { name: 'Device Flow' })
  await deviceStep.getByRole('button', { name: 'Start device flow' }).click()
  await expect(deviceStep).toContainText('The server sent no verification_uri_complete')
  await expect(deviceStep).toContainText('the server sent none: RFC 8628 §3.2 says 5 s')
  const userCode = (await deviceStep.getByLabel('User code').textContent()) ?? ''
  const verificationUri = (await deviceStep.getByRole('link').first().getAttribute('href')) ?? ''
  await expectQrCodeOf(deviceStep.getByRole('img', { name: 'QR code' }), verificationUri)

  const step = pollStep(page)
  await step.getByLabel('Poll automatically').check()
  await expect(step.getByText('slow_down', { exact: true })).toBeVisible()
  await answerOnSecondDevice(browser, verificationUri, 'Approve', userCode)
  await expect(step.getByText('Tokens issued')).toBeVisible({ timeout: 30_000 })
})

test('private_key_jwt end to end, with scope openid: a key made in the browser, registered as jwks, signs every request, and the ES256 ID token passes', async ({ page, browser }) => {
  await page.goto('/')
  await discover(page, E2E_SANDBOX.issuer)
  await requestDcrToken(page)

  // External API: generate a key and put its public half into the registration body.
  const api = page.getByRole('region', { name: 'External API' })
  await api.getByText('Client key for private_key_jwt').click()
  await api.getByRole('button', { name: 'Generate key' }).click()
  await expect(api.getByLabel('Public JWK', { exact: true })).toContainText('"kty": "EC"')
  await expect(api.getByLabel('Public JWK', { exact: true })).not.toContainText('"d"')
  await api.getByRole('button', { name: 'Insert jwks into the body' }).click()
  await expect(api.getByLabel('Request body')).toHaveValue(/"jwks"/)
  await registerDeviceClient(page)
  await expect(api).toContainText('private_key_jwt')

  // Device flow: the method comes from the registration; the key goes with the client.
  const deviceStep = page.getByRole('region', { name: 'Device Flow' })
  await expect(deviceStep.getByLabel('Client authentication')).toHaveValue('private_key_jwt')
  await expect(deviceStep.getByLabel('Public JWK', { exact: true })).toBeVisible()
  await deviceStep.getByLabel('Scope').fill('openid')
  await deviceStep.getByRole('button', { name: 'Start device flow' }).click()
  const link = deviceStep.getByRole('link', { name: /user_code=/ })
  await answerOnSecondDevice(browser, (await link.getAttribute('href')) ?? '', 'Approve')

  const step = pollStep(page)
  await expect(step).toContainText('with private_key_jwt')
  await step.getByRole('button', { name: 'Poll', exact: true }).click()
  await expect(step.getByText('Tokens issued')).toBeVisible()
  await expect(step.getByLabel('ID token', { exact: true })).toHaveText(/\S{10,}/)
  await expect(step).not.toContainText('Conformance note')
})
