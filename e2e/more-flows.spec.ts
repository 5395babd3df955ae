import { expect, test } from '@playwright/test'
import { discover, registerDeviceClient, requestDcrToken } from './walkthrough.ts'

test('a token from the list is exchanged (RFC 8693), and the client registered here is read, updated and deleted (RFC 7592)', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  await requestDcrToken(page)
  await registerDeviceClient(page)
  const log = page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })
  const tokens = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('list', { name: 'Tokens obtained' })

  // The device client picked for Authorization Code: what the server would refuse on its own error page is said before leaving.
  const authorization = page.getByRole('region', { name: 'Authorization Code' })
  await authorization.getByLabel('Client', { exact: true }).selectOption({ index: 1 })
  await expect(authorization.getByText('Before you authorize')).toBeVisible()
  await expect(authorization).toContainText('The client registered no redirect_uris, not this one')
  await expect(authorization).toContainText('without authorization_code')

  // Token exchange: www trades its dcr token for a narrower one for an API; the new token joins the list.
  const exchange = page.getByRole('region', { name: 'Token Exchange' })
  await expect(exchange.getByLabel('Subject token', { exact: true })).toContainText('Client credentials')
  await expect(exchange.getByLabel('Subject token type')).toHaveValue('urn:ietf:params:oauth:token-type:access_token')
  await exchange.getByLabel('Audience').fill('https://api.example')
  await exchange.getByLabel('Scope').fill('dcr')
  await exchange.getByRole('button', { name: 'Exchange token' }).click()
  await expect(exchange.getByText('Token issued')).toBeVisible()
  await expect(exchange.getByText(/issued_token_type urn:ietf:params:oauth:token-type:access_token/)).toBeVisible()
  await expect(tokens.getByRole('listitem').filter({ hasText: 'Token exchange' })).toHaveCount(1)
  await expect(log.getByRole('button', { name: /Token exchange/ })).toHaveCount(1)

  // A wider scope than the subject's is refused and explained.
  await exchange.getByLabel('Scope').fill('dcr openid')
  await exchange.getByRole('button', { name: 'Exchange token' }).click()
  await expect(exchange.getByRole('alert')).toContainText('invalid_scope')

  // RFC 7592: read the registration, rename the client, delete it; the old token is then refused.
  const management = page.getByRole('region', { name: 'Client Management' })
  await expect(management.getByLabel('Registered client')).toContainText('device-client')
  await expect(management.getByLabel('registration_client_uri')).toHaveValue(/\/token-service\/oauth-registration\/.+/)
  await management.getByRole('button', { name: 'Read' }).click()
  await expect(management.getByText('Registration read')).toBeVisible()
  const editor = management.getByLabel('Client metadata (JSON)')
  const metadata = JSON.parse(await editor.inputValue()) as Record<string, unknown>
  expect(metadata).not.toHaveProperty('registration_access_token')
  await editor.fill(JSON.stringify({ ...metadata, client_name: 'renamed device' }))
  await management.getByRole('button', { name: 'Update' }).click()
  await expect(management.getByText('Registration updated')).toBeVisible()
  await expect(management.getByLabel('Client registration')).toContainText('"client_name": "renamed device"')

  // Bad JSON is explained and loses nothing typed.
  await editor.fill('{ "client_id": ')
  await management.getByRole('button', { name: 'Update' }).click()
  await expect(management.getByRole('alert')).toContainText('line 1')
  await expect(editor).toHaveValue('{ "client_id": ')

  // Delete asks first, naming the client.
  await management.getByRole('button', { name: 'Delete' }).click()
  await expect(management.getByText(/^Delete .+ at the server\?$/)).toBeVisible()
  await management.getByRole('button', { name: 'Delete at the server' }).click()
  await expect(management.getByText('Client deleted')).toBeVisible()
  await management.getByRole('button', { name: 'Read' }).click()
  await expect(management.getByRole('alert')).toContainText('invalid_token')
  // Explained as RFC 7592 means it: the registration access token, void once the client is deleted.
  await expect(management.getByRole('alert')).toContainText('refused the registration access token')
  await expect(management.getByRole('alert')).not.toContainText('Get a fresh access token')
  await expect(log.getByRole('button', { name: /Client management/ })).toHaveCount(4)

  // The deleted client, sent as it registered: the diagnosis says the server no longer knows it, and offers
  // no other method (another method would only be refused again).
  const device = page.getByRole('region', { name: 'Device Flow', exact: true })
  await device.getByRole('button', { name: 'Start device flow' }).click()
  await expect(device.getByRole('alert')).toContainText('invalid_client')
  await expect(device.getByText('Likely cause')).toBeVisible()
  await expect(device).toContainText('so the method is not the problem')
  await expect(device.getByRole('button', { name: /^Start device flow with/ })).toHaveCount(0)
})
