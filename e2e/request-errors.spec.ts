import { expect, test } from '@playwright/test'
import { E2E_SANDBOX, E2E_SANDBOX_NO_CORS } from './servers.ts'
import { discover } from './walkthrough.ts'

// One page load for every way a request can go wrong before or instead of an OAuth reply: each case is a
// step, in the order that leaves the page as the next one needs it (first of all, nothing configured).
test('requests that fail before an OAuth reply are each explained, keep what was typed and are on the record', async ({ page }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })
  const log = page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })

  await test.step('a step whose endpoint is not configured says which field is missing and sends nothing', async () => {
    // No discovery yet: the preset environment has no endpoints.
    const step = page.getByRole('region', { name: 'Client Credentials' })
    await step.getByRole('button', { name: 'Request token' }).click()
    await expect(step.getByRole('alert')).toContainText('"Token endpoint" is not configured')
    await expect(log).toHaveCount(0)
  })

  await test.step('a server that does not allow the console origin is diagnosed as a CORS refusal', async () => {
    await environment.getByLabel('Issuer URL').fill(E2E_SANDBOX_NO_CORS.issuer)
    await environment.getByRole('button', { name: 'Discover' }).click()

    await expect(environment.getByText('Blocked by CORS')).toBeVisible()
    await expect(environment).toContainText("did not allow this console's origin")
    // What the person typed is kept.
    await expect(environment.getByLabel('Issuer URL')).toHaveValue(E2E_SANDBOX_NO_CORS.issuer)
    // The failed attempt is on the record too.
    await expect(log).toContainText('cors')
  })

  await test.step('a server that cannot be reached is reported as a network failure, not as CORS', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused.
    await environment.getByLabel('Issuer URL').fill('http://127.0.0.1:1/oauth/v2/oauth-anonymous')
    await environment.getByRole('button', { name: 'Discover' }).click()

    await expect(environment.getByText('No response from the server')).toBeVisible()
    await expect(environment.getByText('Blocked by CORS')).toHaveCount(0)
  })

  await test.step('an Issuer URL that is not the issuer: no discovery document, what each well-known URL answered, and the likely cause', async () => {
    // The sandbox's origin with a path it does not serve: both well-known URLs answer 404.
    await environment.getByLabel('Issuer URL').fill(`${E2E_SANDBOX.origin}/oauth/v2`)
    await environment.getByRole('button', { name: 'Discover' }).click()

    const notice = environment.getByRole('alert').filter({ hasText: 'No discovery document at this issuer' })
    await expect(notice).toContainText(`${E2E_SANDBOX.origin}/oauth/v2/.well-known/openid-configuration: HTTP 404`)
    await expect(notice).toContainText(`${E2E_SANDBOX.origin}/.well-known/oauth-authorization-server/oauth/v2: HTTP 404`)
    await expect(notice).toContainText("Most often the Issuer URL is not the server's issuer")
    // Not the token endpoint's glossary: a 404 here means nothing is there, not a malformed request.
    await expect(environment).not.toContainText('What it means')
    await expect(environment.getByLabel('Issuer URL')).toHaveValue(`${E2E_SANDBOX.origin}/oauth/v2`)
  })

  await discover(page, E2E_SANDBOX.issuer)
  const api = page.getByRole('region', { name: 'External API' })

  await test.step('registering without a token shows the OAuth error, its description and what it means', async () => {
    await expect(api.getByLabel('Bearer token')).toHaveValue('none')
    await api.getByRole('button', { name: 'Send request' }).click()

    await expect(api.getByText('401 Unauthorized', { exact: true })).toBeVisible()
    await expect(api).toContainText('invalid_token')
    await expect(api).toContainText('What it means')
  })

  await test.step('invalid JSON in the request body is caught before sending, with its position, and the text is kept', async () => {
    const exchanges = log.getByRole('listitem')
    const exchangesBefore = await exchanges.count()
    const broken = '{\n  "software_id": device-client\n}'
    // The reply above shows the request it sent under the same name: the one to type in is the text box.
    const body = api.getByRole('textbox', { name: 'Request body', exact: true })
    await body.fill(broken)
    await api.getByRole('button', { name: 'Send request' }).click()

    const invalid = api.getByRole('alert').filter({ hasText: 'Invalid JSON' })
    await expect(invalid).toContainText('Invalid JSON at line 2, column')
    await expect(invalid).toContainText('Nothing was sent')
    await expect(body).toHaveValue(broken)
    await expect(exchanges).toHaveCount(exchangesBefore)
  })

  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const tokenEndpoint = environment.getByLabel('Token endpoint')

  await test.step('an HTML page where a token reply was expected is explained and shown inert, as text', async () => {
    await tokenEndpoint.fill(`${E2E_SANDBOX.origin}/faults/html`)
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Not an OAuth reply (HTTP 502)')).toBeVisible()
    await expect(credentials).toContainText('an HTML page')
    await credentials.getByText(/Raw HTTP/).click()
    await expect(credentials.getByLabel('Response body')).toContainText('<html')
    // Rendered as text, not parsed: the page's own heading never becomes part of the document.
    await expect(page.getByRole('heading', { name: /Bad Gateway/ })).toHaveCount(0)
  })

  await test.step('an empty 200 reply is explained instead of failing silently', async () => {
    await tokenEndpoint.fill(`${E2E_SANDBOX.origin}/faults/empty`)
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Not an OAuth reply (HTTP 200)')).toBeVisible()
    await expect(credentials).toContainText('an empty body')
  })
})
