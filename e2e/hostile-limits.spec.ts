import { expect, test } from '@playwright/test'
import { discoverScenario, expectNoScriptRan, expectPageWorks, refuseDialogs } from './hostile-page.ts'

test.beforeEach(async ({ page }) => {
  // Each test walks several misbehaving servers in one page load: more steps than one journey.
  test.slow()
  refuseDialogs(page)
  await page.goto('/')
})

test('device authorization replies that would break the page degrade in place', async ({ page }) => {
  const device = page.getByRole('region', { name: 'Device Flow' })
  const start = async (scenario: string) => {
    await discoverScenario(page, scenario)
    await device.getByRole('button', { name: 'Start device flow' }).click()
  }

  await test.step('a verification_uri_complete too long for a QR code', async () => {
    await start('long-qr')
    await expect(device.getByText(/No QR code: the URI is too long for a QR code \(\d[\d,]* bytes, at most 2,953\)/)).toBeVisible()
    await expect(device.getByRole('link', { name: /user_code=LONG-CODE/ })).toBeVisible()
    await expect(device.getByLabel('User code')).toHaveText('LONG-CODE')
  })

  await test.step('javascript: and data: verification URIs: no QR code, no link', async () => {
    await start('script-uri')
    await expect(device.getByText('No QR code: the verification URI is not an http(s) URL. Use the link instead.')).toBeVisible()
    await expect(device.getByRole('img', { name: 'QR code' })).toHaveCount(0)
    await expect(device.getByRole('link', { name: /javascript:|data:/ })).toHaveCount(0)
    await expect(device).toContainText('javascript:window.__hostileScriptRan=1')
  })

  await test.step('interval 1e9 is clamped to an hour, with a note', async () => {
    await start('interval-huge')
    await expect(device).toContainText('the server sent interval 1000000000, above the 3600 s limit: 3600 s is used')
    await expect(device).toContainText('3600 s')
  })

  await test.step('interval -1 is named as sent, not as "none"', async () => {
    await start('interval-negative')
    await expect(device).toContainText('the server sent interval -1, below 1 s: 5 s is used')
    await expect(device).not.toContainText('the server sent none')
  })

  await test.step('an expires_in of 1e15 is clamped to a year', async () => {
    await start('lifetime-huge')
    await expect(device).toContainText('above the one-year limit: a year is counted')
  })

  await test.step('control characters in user_code and error_description are shown escaped', async () => {
    await start('control-chars')
    await expect(device.getByLabel('User code')).toHaveText('AB\\u{202E}evil\\u{202C}\\u{001B}[31mRED\\u{001B}[0mCD')
    await expect(device).toContainText('contains invisible control characters')
    const pollStep = page.getByRole('region', { name: 'Poll' })
    await pollStep.getByRole('button', { name: 'Poll', exact: true }).click()
    await expect(pollStep.getByText('access_denied', { exact: true })).toBeVisible()
    await expect(pollStep).toContainText('Denied \\u{202E}evil\\u{202C}\\u{001B}[31mRED')
    await expect(pollStep).toContainText('<script>window.__hostileScriptRan=1</script>')
  })
  await expectNoScriptRan(page)
  await expectPageWorks(page)
})

test('a stalled server times out at the configured limit, and every step can be cancelled', async ({ page }) => {
  // Discovery first, at the default timeout: a busy machine may need more than the 2 s set below.
  await discoverScenario(page, 'stall')
  await page.getByText('Limits', { exact: true }).click()
  const timeout = page.getByLabel('Request timeout (seconds)')
  await expect(timeout).toHaveValue('30')
  await timeout.fill('abc')
  await expect(page.getByText('Enter 1 to 600 seconds; 30 s still applies.')).toBeVisible()
  await timeout.fill('2')
  await page.getByText('Limits', { exact: true }).click()

  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await test.step('no headers ever: timed out, naming the limit', async () => {
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('Timed out')
    await expect(credentials.getByRole('alert')).toContainText('within 2 s (the request timeout)')
  })

  await page.getByText('Limits', { exact: true }).click()
  await page.getByLabel('Request timeout (seconds)').fill('600')
  await page.getByText('Limits', { exact: true }).click()
  for (const [name, action] of [
    ['Client Credentials', 'Request token'],
    ['Device Flow', 'Start device flow'],
    ['External API', 'Send request'],
  ] as const) {
    await test.step(`Cancel in ${name}`, async () => {
      const step = page.getByRole('region', { name })
      await step.getByRole('button', { name: action }).click()
      await step.getByRole('button', { name: 'Cancel' }).click()
      await expect(step.getByRole('alert')).toContainText('Cancelled')
      await expect(step.getByRole('button', { name: action })).toBeEnabled()
    })
  }
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })).toContainText('aborted')
  await expectPageWorks(page)
})

test('a gzip bomb is capped at 5 MB of decoded bytes, counted, and never parsed', async ({ page }) => {
  await discoverScenario(page, 'gzip-bomb')
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByRole('button', { name: 'Request token' }).click()
  // Counting 8 MB of decompressed bytes takes a moment on a busy machine.
  await expect(credentials.getByRole('alert')).toContainText('Reply too large', { timeout: 60_000 })
  await expect(credentials.getByRole('alert')).toContainText('over the 5 MB size limit')
  await expect(credentials.getByRole('alert')).toContainText('nothing was parsed')
  await expect(credentials).not.toContainText('empty body')
  await expectPageWorks(page)
})

test('server text: long text is clipped, wraps, and stays inert; odd tokens are refused with the real reason', async ({ page }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })

  await test.step('100 kB error_description: clipped with Show all, the page no wider', async () => {
    await discoverScenario(page, 'long-text')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    const showAll = credentials.getByRole('button', { name: /Show all \(100,\d{3} characters\)/ })
    await expect(showAll).toBeVisible()
    await showAll.click()
    await expect(showAll).toHaveCount(0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expect(credentials).toContainText('<img src=x onerror=')
  })

  await test.step('a token with characters outside Latin-1 is an invalid header value, not CORS', async () => {
    await discoverScenario(page, 'non-latin1-token')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText('Invalid header value')
    await expect(api.getByRole('alert')).toContainText('outside the Latin-1 characters')
    await expect(api).not.toContainText('Blocked by CORS')
  })

  await test.step('token_type DPoP is never sent as Bearer', async () => {
    await discoverScenario(page, 'dpop')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await expect(credentials).toContainText('token_type is DPoP')
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText("This token's token_type is DPoP")
    await expect(api.getByRole('alert')).toContainText('Nothing was sent')
  })

  await expectNoScriptRan(page)
  await expectPageWorks(page)
})
