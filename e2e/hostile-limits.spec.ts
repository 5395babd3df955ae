import { expect, test, type Page } from '@playwright/test'
import {
  discoverScenario,
  expectPageWorks,
  fillIssuer,
  hostileCase,
  refuseDialogs,
  requestsTo,
  TYPED_NAME,
  typeEnvironmentName,
} from './hostile-page.ts'
import { E2E_HOSTILE } from './servers.ts'

// Issue 9, items 2 and 3: one bad value never takes the page down; every request has a timeout, a
// Cancel and a size cap; server numbers are clamped with a note; saves that fail say so.

test.beforeEach(async ({ page }) => {
  // Each test walks several misbehaving servers in one page load: more steps than one journey.
  test.slow()
  refuseDialogs(page)
  await page.goto('/')
  await typeEnvironmentName(page)
})

/** How far the page is wider than its window: 0 when nothing widened it. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('device authorization replies that would break the page degrade in place', async ({ page, request }) => {
  const device = page.getByRole('region', { name: 'Device Flow' })
  const poll = page.getByRole('region', { name: 'Poll' })
  const start = async (scenario: string) => {
    await discoverScenario(page, scenario)
    await device.getByRole('button', { name: 'Start device flow' }).click()
  }

  await hostileCase(page, 'a verification_uri_complete too long for a QR code: "too long for a QR code", the link kept', async () => {
    await start('long-qr')
    await expect(device.getByText(/No QR code: the URI is too long for a QR code \(\d[\d,]* bytes, at most 2,953\)/)).toBeVisible()
    await expect(device.getByRole('link', { name: /user_code=LONG-CODE/ })).toBeVisible()
    await expect(device.getByLabel('User code')).toHaveText('LONG-CODE')
  })

  await hostileCase(page, 'javascript: and data: verification URIs: no QR code, no link, shown as text', async () => {
    await start('script-uri')
    await expect(device.getByText('No QR code: the verification URI is not an http(s) URL. Use the link instead.')).toBeVisible()
    await expect(device.getByRole('img', { name: 'QR code' })).toHaveCount(0)
    await expect(device.getByRole('link', { name: /javascript:|data:/ })).toHaveCount(0)
    await expect(device).toContainText('javascript:window.__hostileScriptRan=1')
  })

  await hostileCase(page, 'a data: verification_uri_complete beside an http verification_uri: the QR code is of neither', async () => {
    await start('data-uri')
    await expect(device.getByLabel('User code')).toHaveText('DATA-URI')
    await expect(device.getByRole('link', { name: /^data:/ })).toHaveCount(0)
    await expect(device.getByText(/No QR code/)).toBeVisible()
  })

  await hostileCase(page, 'interval 1e9 is clamped to an hour with a note, and automatic polling does not flood', async () => {
    await start('interval-huge')
    await expect(device).toContainText('the server sent interval 1000000000, above the 3600 s limit: 3600 s is used')
    await poll.getByLabel('Poll automatically').check()
    await expect(poll).toContainText('Polling every 3600 s, never early')
    await expect(poll.getByLabel('Poll automatically')).toBeChecked()
    expect((await requestsTo(request, 'interval-huge')).filter((entry) => entry.path.endsWith('/token'))).toEqual([])
    await poll.getByLabel('Poll automatically').uncheck()
  })

  await hostileCase(page, 'interval -1 is named as sent, not as "none"', async () => {
    await start('interval-negative')
    await expect(device).toContainText('the server sent interval -1, below 1 s: 5 s is used')
    await expect(device).not.toContainText('the server sent none')
  })

  await hostileCase(page, 'interval 0 is named as sent and replaced by the RFC default', async () => {
    await start('interval-zero')
    await expect(device).toContainText('the server sent interval 0, below 1 s: 5 s is used')
  })

  await hostileCase(page, 'an interval that is not a number is named as such', async () => {
    await start('interval-text')
    await expect(device).toContainText('the server sent interval "soon", which is not a number: 5 s is used')
  })

  await hostileCase(page, 'no interval at all is the one case explained as "the server sent none"', async () => {
    await start('interval-missing')
    await expect(device).toContainText('the server sent none: RFC 8628 §3.2 says 5 s')
    await expect(device.getByText("Server values outside the console's limits")).toHaveCount(0)
  })

  await hostileCase(page, 'an expires_in of 1e15 is clamped to a year', async () => {
    await start('lifetime-huge')
    await expect(device).toContainText('above the one-year limit: a year is counted')
  })

  await hostileCase(page, 'a 100 kB user_code wraps instead of widening the page', async () => {
    await start('long-user-code')
    await expect(device.getByLabel('User code')).toContainText('UUUUUUUU')
    expect(await overflow(page)).toBeLessThanOrEqual(0)
  })
  await expectPageWorks(page)
})

test('a stalled server times out at the configured limit, and every step can be cancelled', async ({ page }) => {
  const environment = page.getByRole('region', { name: 'Environment' })
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const limits = page.getByText('Limits', { exact: true })
  // Discovery first, at the default timeout: a busy machine may need more than the 2 s set below.
  await discoverScenario(page, 'stall')

  await hostileCase(page, 'the request timeout is adjustable, and a bad value is refused without losing it', async () => {
    await limits.click()
    const timeout = page.getByLabel('Request timeout (seconds)')
    await expect(timeout).toHaveValue('30')
    await timeout.fill('abc')
    await expect(page.getByText('Enter 1 to 600 seconds; 30 s still applies.')).toBeVisible()
    await timeout.fill('2')
    await expect(timeout).toHaveValue('2')
    await limits.click()
  })

  await hostileCase(page, 'no headers ever: timed out, naming the limit', async () => {
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Timed out')
    await expect(credentials.getByRole('alert')).toContainText('within 2 s (the request timeout)')
  })

  await hostileCase(page, 'headers, then a body that never ends: timed out too', async () => {
    // Typed rather than discovered: the 2 s limit is for the stalled reply, not the discovery.
    await environment.getByLabel('Token endpoint').fill(`${E2E_HOSTILE.issuer('stall-body')}/token`)
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Timed out')
    await expect(credentials.getByRole('alert')).toContainText('within 2 s (the request timeout)')
    await environment.getByLabel('Token endpoint').fill(`${E2E_HOSTILE.issuer('stall')}/token`)
  })

  await limits.click()
  await page.getByLabel('Request timeout (seconds)').fill('600')
  await limits.click()
  for (const [name, action] of [
    ['Client Credentials', 'Request token'],
    ['Device Flow', 'Start device flow'],
    ['External API', 'Send request'],
  ] as const) {
    await hostileCase(page, `Cancel in ${name}: "Cancelled", the step usable again`, async () => {
      const step = page.getByRole('region', { name })
      await step.getByRole('button', { name: action }).click()
      await step.getByRole('button', { name: 'Cancel' }).click()
      await expect(step.getByRole('alert')).toContainText('Cancelled')
      await expect(step.getByRole('button', { name: action })).toBeEnabled()
    })
  }

  await hostileCase(page, 'Cancel in Poll: a stalled poll is cancelled, the device code kept', async () => {
    await discoverScenario(page, 'stall-poll')
    const device = page.getByRole('region', { name: 'Device Flow' })
    const poll = page.getByRole('region', { name: 'Poll' })
    await device.getByRole('button', { name: 'Start device flow' }).click()
    await expect(device.getByLabel('User code')).toHaveText('HOST-ILE1')
    await poll.getByRole('button', { name: 'Poll', exact: true }).click()
    await poll.getByRole('button', { name: 'Cancel' }).click()
    await expect(poll.getByRole('alert').filter({ hasText: 'Cancelled' })).toBeVisible()
    await expect(poll.getByRole('button', { name: 'Poll', exact: true })).toBeEnabled()
    await expect(device.getByLabel('User code')).toHaveText('HOST-ILE1')
  })

  await hostileCase(page, 'Cancel in Environment: a stalled discovery is cancelled, the endpoints as they were', async () => {
    const tokenEndpointBefore = await environment.getByLabel('Token endpoint').inputValue()
    await fillIssuer(page, 'stall-discovery')
    await environment.getByRole('button', { name: 'Discover' }).click()
    await environment.getByRole('button', { name: 'Cancel' }).click()
    await expect(environment.getByRole('status').filter({ hasText: 'Discovery was cancelled before the server answered' })).toBeVisible()
    await expect(environment.getByRole('button', { name: 'Discover' })).toBeEnabled()
    await expect(environment.getByLabel('Token endpoint')).toHaveValue(tokenEndpointBefore)
  })
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })).toContainText('aborted')
  await expectPageWorks(page)
})

test('huge replies are capped at 5 MB, counted and never parsed; a save too big for storage says so and keeps the last one', async ({ page }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })

  await hostileCase(page, 'a gzip bomb is capped at 5 MB of decoded bytes, not reported as an empty body', async () => {
    await discoverScenario(page, 'gzip-bomb')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    // Counting 8 MB of decompressed bytes takes a moment on a busy machine.
    await expect(credentials.getByRole('alert')).toContainText('Reply too large', { timeout: 60_000 })
    await expect(credentials.getByRole('alert')).toContainText('over the 5 MB size limit')
    await expect(credentials.getByRole('alert')).toContainText('nothing was parsed')
    await expect(credentials).not.toContainText('empty body')
  })

  await hostileCase(page, 'a 6 MB token reply is capped, not parsed, and issues no token', async () => {
    await discoverScenario(page, 'huge-body')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Reply too large', { timeout: 60_000 })
    await expect(credentials.getByText('Token issued')).toHaveCount(0)
  })

  await hostileCase(page, 'a 6 MB client_name is capped: no client is registered from it', async () => {
    await discoverScenario(page, 'huge-client-name-6mb')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText('Reply too large', { timeout: 60_000 })
    await expect(api.getByText('A client was registered')).toHaveCount(0)
  })

  await hostileCase(page, 'a 1.5 MB client_name: shown clipped; "Use as device client" is not saved, says so, and the last save is kept', async () => {
    await discoverScenario(page, 'huge-client-name')
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByText('A client was registered')).toBeVisible({ timeout: 60_000 })
    await expect(api.getByRole('button', { name: /Show all \(1,500,004 characters\)/ })).toBeVisible()
    await api.getByRole('button', { name: 'Use as device client' }).click()
    await expect(api.getByText(/Saved as “Big N+\.\.\. \(registered\)”/)).toBeVisible()
    const notSaved = page.getByRole('alert').filter({ hasText: 'Not saved on this device' })
    await expect(notSaved).toContainText("over the console's 2 MB limit for saved settings")
    await expect(notSaved).toContainText('What was saved before is kept')
    const saved = await page.evaluate(() => localStorage.getItem('oauth-console:environments') ?? '')
    expect(saved).toContain(TYPED_NAME)
    expect(saved).not.toContain('hostile-big-client')
    expect(await overflow(page)).toBeLessThanOrEqual(0)
  })
  await expectPageWorks(page)
})
