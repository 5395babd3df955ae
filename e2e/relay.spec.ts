import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { E2E_CONSOLE_ORIGIN, E2E_SANDBOX_NO_CORS, E2E_START_CONSOLE_ORIGIN, E2E_START_SANDBOX } from './servers.ts'

const NO_CORS_HOST = new URL(E2E_SANDBOX_NO_CORS.origin).host

// A minute per step: through `npm start` (vite dev) the first use of each step transforms its modules, slow beside other suites.
const expect = baseExpect.configure({ timeout: 60_000 })

/**
 * The whole tutorial against a server that allows no origin: the browser refuses it, the CORS error
 * offers the local relay, the person allows the server's host, and every step then goes through it.
 */
async function walkThroughTheRelay(page: Page, browser: Browser, consoleOrigin: string) {
  await page.goto(`${consoleOrigin}/`)
  const environment = page.getByRole('region', { name: 'Environment' })
  const relay = environment.getByRole('region', { name: 'Local relay' })
  await expect(relay).toContainText('The relay is available')
  await expect(relay.getByLabel('Use local relay')).not.toBeChecked()

  // Straight from the browser: refused for CORS, with the relay offered in one click.
  await environment.getByLabel('Issuer URL').fill(E2E_SANDBOX_NO_CORS.issuer)
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Blocked by CORS')).toBeVisible()
  await environment.getByRole('button', { name: 'Use local relay' }).click()
  await expect(relay.getByLabel('Use local relay')).toBeChecked()

  // The relay forwards only to hosts the person allowed: until then its refusal is shown as the relay's.
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Refused by the local relay')).toBeVisible()
  await expect(environment).toContainText(`host_not_allowed): ${NO_CORS_HOST} is not on the relay's allowlist`)
  await relay.getByRole('button', { name: `Allow ${NO_CORS_HOST} through the relay` }).click()
  await expect(relay.getByRole('list', { name: 'Hosts the relay forwards to' })).toContainText(NO_CORS_HOST)

  // Now the tutorial, every request through the relay (the steps of walkthrough.ts, given more time).
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Endpoints discovered')).toBeVisible()
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByRole('button', { name: 'Request token' }).click()
  await expect(credentials.getByText('Token issued')).toBeVisible()
  const api = page.getByRole('region', { name: 'External API' })
  await api.getByRole('button', { name: 'Send request' }).click()
  await expect(api.getByText('201 Created', { exact: true })).toBeVisible()
  await api.getByRole('button', { name: 'Use as device client' }).click()
  const device = page.getByRole('region', { name: 'Device Flow' })
  await expect(device.getByLabel('Client', { exact: true })).toContainText('device-client')
  await device.getByRole('button', { name: 'Start device flow' }).click()
  const link = device.getByRole('link', { name: /user_code=/ })
  await expect(link).toBeVisible()
  await answerOnSecondDevice(browser, (await link.getAttribute('href')) ?? '', 'Approve')
  const pollStep = page.getByRole('region', { name: 'Poll' })
  await pollStep.getByRole('button', { name: 'Poll', exact: true }).click()
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()
}

test('through the relay in vite preview: the walk-through completes against a server that allows no origin, each exchange marked', async ({
  page,
  browser,
}) => {
  await walkThroughTheRelay(page, browser, E2E_CONSOLE_ORIGIN)

  // The log shows each request as the server saw it, marked as sent through the relay.
  const log = page.getByRole('complementary', { name: 'HTTP log' })
  await expect(log.getByRole('list', { name: 'Exchanges' })).toContainText('via relay')
  await log.getByRole('button', { name: /oauth-device-authorization/ }).first().click()
  const detail = page.getByRole('dialog')
  await expect(detail).toContainText(`${E2E_SANDBOX_NO_CORS.origin}/oauth/v2/oauth-device-authorization`)
  await expect(detail).toContainText('via the local relay')
  await expect(detail.getByLabel('curl command')).toContainText("# Sent through the OAuth Console's local relay")
})

test('through the relay in npm start: its own sandbox is allowed from the start, another server after one click', async ({ page, browser }) => {
  await page.goto(`${E2E_START_CONSOLE_ORIGIN}/`)
  const hosts = page.getByRole('region', { name: 'Local relay' }).getByRole('list', { name: 'Hosts the relay forwards to' })
  await expect(hosts).toContainText(`127.0.0.1:${E2E_START_SANDBOX.port}`)

  await walkThroughTheRelay(page, browser, E2E_START_CONSOLE_ORIGIN)
})
