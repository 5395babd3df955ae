import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { poll, walkToDeviceCode } from './walkthrough.ts'

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

test('Presentation mode hides every secret, token and Basic credential after a full walk-through, and a reveal times out', async ({ page, browser }) => {
  // A whole tutorial, every view opened one by one, and a reveal left to time out: a long journey.
  test.setTimeout(150_000)
  await page.goto('/')
  const presentation = page.getByRole('switch', { name: 'Presentation mode' })
  await expect(presentation).not.toBeChecked()

  // The whole tutorial: client credentials, registration, device flow, tokens.
  const verificationUriComplete = await walkToDeviceCode(page)

  // The QR code full screen, for a room to scan, with the user code beside it.
  const deviceStep = page.getByRole('region', { name: 'Device Flow' })
  const userCode = (await deviceStep.getByLabel('User code').textContent()) ?? ''
  await deviceStep.getByRole('button', { name: 'Show QR code full screen' }).click()
  const scan = page.getByRole('dialog', { name: 'Scan to continue' })
  await expect(scan.getByRole('img', { name: 'Full-screen QR code' })).toBeVisible()
  await expect(scan.getByLabel('Full-screen user code')).toHaveText(userCode)
  await scan.getByRole('button', { name: 'Close' }).click()
  await expect(scan).toBeHidden()
  const pollStep = page.getByRole('region', { name: 'Poll' })
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()

  const secrets = await secretsOfSession(page)
  const encoded = secrets.map((secret) => Buffer.from(secret).toString('base64'))
  const basic = Buffer.from('www:Password1').toString('base64')
  expect(secrets).toContain(basic)
  expect(secrets.length).toBeGreaterThanOrEqual(8)
  // Without presentation mode the token list shows the tokens: the search below can find them.
  expect(await visibleText(page)).toContain(secrets.find((secret) => secret.startsWith('eyJ')) ?? 'no JWT')

  await presentation.check()
  await expect(page.locator('html')).toHaveAttribute('data-presentation', '')

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

  // One item revealed on request, hidden again on its own.
  const step = page.getByRole('region', { name: 'Client Credentials' })
  const firstToken = step.getByLabel('Access token', { exact: true })
  await expect(firstToken).toContainText('••••••')
  await step.getByRole('button', { name: 'Reveal Access token' }).click()
  await expect(firstToken).not.toContainText('••••••')
  await expect(firstToken).toContainText('••••••', { timeout: 20_000 })

  // Remembered per browser.
  await page.reload()
  await expect(page.getByRole('switch', { name: 'Presentation mode' })).toBeChecked()
})
