import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { expectQrCodeOf } from './qr-code.ts'
import { firstViewOf, recordFirstViews } from './first-view.ts'
import { E2E_SANDBOX } from './servers.ts'
import { discover, poll, registerDeviceClient, requestDcrToken, startDeviceFlow } from './walkthrough.ts'

const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret', 'registration_access_token', 'device_code'])

/** Every credential of the session, read from a HAR exported with secrets: the values to hunt for on screen. */
async function secretsOfSession(page: Page): Promise<string[]> {
  await page.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export / Import' })
  await dialog.getByLabel('Include secrets').check()
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export HAR' }).click()])
  await dialog.getByRole('button', { name: 'Close' }).click()
  const har = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    log: { entries: { request: { headers: { name: string; value: string }[]; postData?: { text?: string } }; response: { content: { text?: string } } }[] }
  }
  const secrets = new Set<string>(['Password1'])
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        if (SECRET_FIELDS.has(key) && typeof member === 'string') secrets.add(member)
        else collect(member)
      }
    }
  }
  for (const { request, response } of har.log.entries) {
    for (const { name, value } of request.headers) {
      if (name.toLowerCase() === 'authorization') secrets.add(value.replace(/^\S+\s+/, ''))
    }
    for (const text of [request.postData?.text, response.content.text]) {
      if (!text) continue
      if (text.trim().startsWith('{')) collect(JSON.parse(text))
      else for (const [key, value] of new URLSearchParams(text)) if (SECRET_FIELDS.has(key)) secrets.add(value)
    }
  }
  return [...secrets].filter((secret) => secret.length >= 6)
}

/** The text a viewer could read: every element's text and every text field's value, open or collapsed. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input:not([type=password]), textarea')].map(
      (field) => (field as HTMLInputElement).value,
    )
    return [document.body.innerText, document.body.textContent ?? '', ...values].join('\n')
  })
}

test('the guided walk-through from an empty browser, then Presentation mode hides every secret, token and Basic credential, and a reveal times out', async ({ page, browser }) => {
  // The page's timers run on Playwright's clock, at the real pace until the reveal below, whose 10 s are skipped.
  await page.clock.install()
  await page.goto('/')
  const presentation = page.getByRole('switch', { name: 'Presentation mode' })
  await expect(presentation).not.toBeChecked()

  // Guided mode: each step says what is about to happen and shows the request before it is sent.
  await page.getByRole('navigation', { name: 'Walk-through steps' }).getByRole('switch', { name: 'Guided mode' }).check()
  const guide = (title: string) => page.getByRole('region', { name: `Guide: ${title}` })
  await expect(guide('Environment')).toContainText('What happens now')
  await expect(guide('Environment').getByLabel('Request to be sent')).toContainText(`GET ${E2E_SANDBOX.issuer}/.well-known/openid-configuration`)
  // Before discovery the token endpoint is unknown: the guide says so rather than inventing a request.
  await expect(guide('Client Credentials')).toContainText('Not ready yet')
  await expect(guide('Poll')).toContainText('start the device flow first')
  await discover(page)
  const ccRequest = guide('Client Credentials').getByLabel('Request to be sent')
  await expect(ccRequest).toContainText(`POST ${E2E_SANDBOX.origin}/oauth/v2/oauth-token`)
  await expect(ccRequest).toContainText(/authorization: Basic •+/i)
  await expect(ccRequest).toContainText('scope=dcr&grant_type=client_credentials')
  // Built by the step's own request function: a change to the form shows in the preview.
  const ccStep = page.getByRole('region', { name: 'Client Credentials' })
  await ccStep.getByLabel('Scope').fill('dcr read')
  await expect(ccRequest).toContainText('scope=dcr+read')
  await ccStep.getByLabel('Scope').fill('dcr')
  await expect(ccRequest).toContainText('scope=dcr&grant_type=client_credentials')
  await expect(guide('External API').getByLabel('Request to be sent')).toContainText('"software_id": "device-client"')

  // The whole tutorial: client credentials, registration, device flow, tokens; each reply explained, the next step named.
  await requestDcrToken(page)
  await registerDeviceClient(page)
  const verificationUriComplete = await startDeviceFlow(page)
  await expect(guide('Environment')).toContainText('OpenID Connect Discovery 1.0 §4.2')
  await expect(guide('Client Credentials')).toContainText('RFC 6749 §4.4.3')
  await expect(guide('Client Credentials')).toContainText('Next: External API')
  await expect(guide('External API')).toContainText('RFC 7591 §3.2.1')
  await expect(guide('External API').getByLabel('Request to be sent')).toContainText(/authorization: Bearer •+/i)
  await expect(guide('Device Flow')).toContainText('RFC 8628 §3.2')
  await expect(guide('Device Flow')).toContainText('Next: Poll')
  await expect(guide('Poll').getByLabel('Request to be sent')).toContainText('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code')

  // The QR code full screen, for a room to scan, with the user code beside it.
  const deviceStep = page.getByRole('region', { name: 'Device Flow' })
  const userCode = (await deviceStep.getByLabel('User code').textContent()) ?? ''
  await deviceStep.getByRole('button', { name: 'Show QR code full screen' }).click()
  const scan = page.getByRole('dialog', { name: 'Scan to continue' })
  await expectQrCodeOf(scan.getByRole('img', { name: 'Full-screen QR code' }), verificationUriComplete)
  await expect(scan.getByLabel('Full-screen user code')).toHaveText(userCode)
  await scan.getByRole('button', { name: 'Close' }).click()
  await expect(scan).toBeHidden()
  const pollStep = page.getByRole('region', { name: 'Poll' })
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()
  await expect(guide('Poll')).toContainText('RFC 8628 §3.5')
  await expect(guide('Poll')).toContainText('Next: Tokens')

  const secrets = await secretsOfSession(page)
  const encoded = secrets.map((secret) => Buffer.from(secret).toString('base64'))
  const basic = Buffer.from('www:Password1').toString('base64')
  expect(secrets).toContain(basic)
  expect(secrets.length).toBeGreaterThanOrEqual(8)
  // Without presentation mode the token list shows the tokens: the search below can find them.
  expect(await visibleText(page)).toContain(secrets.find((secret) => secret.startsWith('eyJ')) ?? 'no JWT')

  const layout = async () => {
    const [navigation, steps, log] = await Promise.all([
      page.getByRole('navigation', { name: 'Walk-through steps' }).boundingBox(),
      page.getByRole('main').boundingBox(),
      page.getByRole('complementary', { name: 'HTTP log' }).boundingBox(),
    ])
    if (!navigation || !steps || !log) throw new Error('the navigation, the steps and the log should all be on screen')
    return { navigation, steps, log }
  }
  // 1280 px wide: three columns, the navigation beside the steps.
  const before = await layout()
  expect(before.navigation.x + before.navigation.width).toBeLessThanOrEqual(before.steps.x)

  await presentation.check()
  await expect(page.locator('html')).toHaveAttribute('data-presentation', '')
  // The larger text needs a wider screen for three columns: the navigation moves above the steps, which
  // keep their width beside the log.
  const presenting = await layout()
  expect(presenting.navigation.y + presenting.navigation.height).toBeLessThanOrEqual(presenting.steps.y)
  expect(presenting.log.x).toBeGreaterThanOrEqual(presenting.steps.x + presenting.steps.width)
  expect(presenting.steps.width).toBeGreaterThan(1.5 * presenting.log.width)

  // Open every view: each step's raw HTTP, every exchange of the log (one at a time), the token list.
  for (const summary of await page.locator('main summary').all()) await summary.click()
  const rows = page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' }).getByRole('listitem')
  const count = await rows.count()
  expect(count).toBeGreaterThanOrEqual(5)
  for (let index = 0; index < count; index++) {
    await rows.nth(index).getByRole('button').click()
    const detail = page.getByRole('dialog')
    await expect(detail.getByLabel('curl command')).toBeVisible()
    const text = await visibleText(page)
    for (const secret of [...secrets, ...encoded]) expect(text, `exchange ${index}`).not.toContain(secret)
    await detail.getByRole('button', { name: 'Close' }).click()
  }
  const text = await visibleText(page)
  for (const secret of [...secrets, ...encoded]) expect(text).not.toContain(secret)

  // One item revealed on request, hidden again on its own 10 s later (the clock paused, so that is exact).
  const step = page.getByRole('region', { name: 'Client Credentials' })
  const firstToken = step.getByLabel('Access token', { exact: true })
  await expect(firstToken).toContainText('••••••')
  // (Paused a moment ahead of the page's time, which runs on meanwhile: a pause cannot go back.)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000)
  await step.getByRole('button', { name: 'Reveal Access token' }).click()
  await expect(firstToken).not.toContainText('••••••')
  await page.clock.runFor(9_900)
  await expect(firstToken).not.toContainText('••••••')
  await page.clock.runFor(100)
  await expect(firstToken).toContainText('••••••')
  await page.clock.resume()

  // Remembered per browser, and on from the steps' first frame: no secret shows unmasked while it is read back.
  await recordFirstViews(page)
  await page.reload()
  expect((await firstViewOf(page)).presentation).toBe(true)
  await expect(page.getByRole('switch', { name: 'Presentation mode' })).toBeChecked()
})
