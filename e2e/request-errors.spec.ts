import { expect, test } from '@playwright/test'
import { E2E_SANDBOX, E2E_SANDBOX_NO_CORS } from './servers.ts'
import { discover } from './walkthrough.ts'

test('a server that does not allow the console origin is diagnosed as a CORS refusal', async ({ page }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })
  await environment.getByLabel('Issuer URL').fill(E2E_SANDBOX_NO_CORS.issuer)
  await environment.getByRole('button', { name: 'Discover' }).click()

  await expect(environment.getByText('Blocked by CORS')).toBeVisible()
  await expect(environment).toContainText("did not allow this console's origin")
  // What the person typed is kept.
  await expect(environment.getByLabel('Issuer URL')).toHaveValue(E2E_SANDBOX_NO_CORS.issuer)
  // The failed attempt is on the record too.
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })).toContainText('cors')
})

test('an HTML page where a token reply was expected is explained and shown inert, as text', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  await page.getByRole('region', { name: 'Environment' }).getByLabel('Token endpoint').fill(`${E2E_SANDBOX.origin}/faults/html`)

  const step = page.getByRole('region', { name: 'Client Credentials' })
  await step.getByRole('button', { name: 'Request token' }).click()
  await expect(step.getByText('Not an OAuth reply (HTTP 502)')).toBeVisible()
  await expect(step).toContainText('an HTML page')
  await step.getByText(/Raw HTTP/).click()
  await expect(step.getByLabel('Response body')).toContainText('<html')
  // Rendered as text, not parsed: the page's own heading never becomes part of the document.
  await expect(page.getByRole('heading', { name: /Bad Gateway/ })).toHaveCount(0)
})

test('an empty 200 reply is explained instead of failing silently', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  await page.getByRole('region', { name: 'Environment' }).getByLabel('Token endpoint').fill(`${E2E_SANDBOX.origin}/faults/empty`)

  const step = page.getByRole('region', { name: 'Client Credentials' })
  await step.getByRole('button', { name: 'Request token' }).click()
  await expect(step.getByText('Not an OAuth reply (HTTP 200)')).toBeVisible()
  await expect(step).toContainText('an empty body')
})

test('invalid JSON in the request body is caught before sending, with its position, and the text is kept', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const log = page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' }).getByRole('listitem')
  const exchangesBefore = await log.count()

  const step = page.getByRole('region', { name: 'External API' })
  const broken = '{\n  "software_id": device-client\n}'
  await step.getByLabel('Request body').fill(broken)
  await step.getByRole('button', { name: 'Send request' }).click()

  await expect(step.getByRole('alert')).toContainText('Invalid JSON at line 2, column')
  await expect(step.getByRole('alert')).toContainText('Nothing was sent')
  await expect(step.getByLabel('Request body')).toHaveValue(broken)
  await expect(log).toHaveCount(exchangesBefore)
})

test('registering without a token shows the OAuth error, its description and what it means', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const step = page.getByRole('region', { name: 'External API' })
  await expect(step.getByLabel('Bearer token')).toHaveValue('none')
  await step.getByRole('button', { name: 'Send request' }).click()

  await expect(step.getByText('401 Unauthorized', { exact: true })).toBeVisible()
  await expect(step).toContainText('invalid_token')
  await expect(step).toContainText('What it means')
})

test('a server that cannot be reached is reported as a network failure, not as CORS', async ({ page }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })
  // Port 1 on loopback: nothing listens, the connection is refused.
  await environment.getByLabel('Issuer URL').fill('http://127.0.0.1:1/oauth/v2/oauth-anonymous')
  await environment.getByRole('button', { name: 'Discover' }).click()

  await expect(environment.getByText('No response from the server')).toBeVisible()
  await expect(environment.getByText('Blocked by CORS')).toHaveCount(0)
})

test('a step whose endpoint is not configured says which field is missing and sends nothing', async ({ page }) => {
  await page.goto('/')
  // No discovery yet: the preset environment has no endpoints.
  const step = page.getByRole('region', { name: 'Client Credentials' })
  await step.getByRole('button', { name: 'Request token' }).click()
  await expect(step.getByRole('alert')).toContainText('"Token endpoint" is not configured')
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })).toHaveCount(0)
})
