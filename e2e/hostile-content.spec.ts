import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { discoverScenario, expectPageWorks, hostileCase, newestToken, refuseDialogs, typeEnvironmentName } from './hostile-page.ts'

// Issue 9, items 4 and 5: one classification of a body drives parsing, masking and display; server
// text is clipped and shown with its invisible characters escaped; odd tokens get the real reason.

test.beforeEach(async ({ page }) => {
  // Each test walks several misbehaving servers in one page load: more steps than one journey.
  test.slow()
  refuseDialogs(page)
  await page.goto('/')
  await typeEnvironmentName(page)
})

/** The HAR file "Export HAR" downloads, as text, with secrets left out (the default). */
async function exportedHar(page: Page): Promise<string> {
  await page.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export / Import' })
  await expect(dialog.getByLabel('Include secrets')).not.toBeChecked()
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export HAR' }).click()])
  const text = await readFile(await download.path(), 'utf8')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  return text
}

test('server text is clipped, escaped and inert; odd tokens are refused with the real reason', async ({ page }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })

  await hostileCase(page, '100 kB of unbroken error_description: clipped with Show all, the page no wider', async () => {
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

  await hostileCase(page, 'RTL override and ANSI escapes in an error code are shown escaped', async () => {
    await discoverScenario(page, 'control-error')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByRole('alert')).toContainText('invalid_client\\u{202E}evil\\u{202C}\\u{001B}[31mRED\\u{001B}[0m (HTTP 400)')
  })

  await hostileCase(page, 'control characters in user_code and error_description are shown escaped', async () => {
    await discoverScenario(page, 'control-chars')
    const device = page.getByRole('region', { name: 'Device Flow' })
    await device.getByRole('button', { name: 'Start device flow' }).click()
    await expect(device.getByLabel('User code')).toHaveText('AB\\u{202E}evil\\u{202C}\\u{001B}[31mRED\\u{001B}[0mCD')
    await expect(device).toContainText('contains invisible control characters')
    const poll = page.getByRole('region', { name: 'Poll' })
    await poll.getByRole('button', { name: 'Poll', exact: true }).click()
    await expect(poll.getByText('access_denied', { exact: true })).toBeVisible()
    await expect(poll).toContainText('Denied \\u{202E}evil\\u{202C}\\u{001B}[31mRED')
    await expect(poll).toContainText('<script>window.__hostileScriptRan=1</script>')
  })

  await hostileCase(page, 'control characters in a registered client_name are shown escaped', async () => {
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByText('A client was registered')).toBeVisible()
    await expect(api).toContainText('Name \\u{202E}evil\\u{202C}\\u{001B}[31mRED')
  })

  await hostileCase(page, 'a token outside Latin-1 at the External API: an invalid header value, not CORS', async () => {
    await discoverScenario(page, 'non-latin1-token')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await api.getByRole('textbox', { name: 'Request body' }).fill('{"software_id": "typed before the bad token"}')
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText('Invalid header value')
    await expect(api.getByRole('alert')).toContainText('outside the Latin-1 characters')
    await expect(api).not.toContainText('Blocked by CORS')
    await expect(api.getByRole('textbox', { name: 'Request body' })).toHaveValue('{"software_id": "typed before the bad token"}')
  })

  await hostileCase(page, 'the same token at userinfo: an invalid header value, not CORS', async () => {
    const token = newestToken(page)
    await token.getByRole('button', { name: 'Userinfo' }).click()
    await expect(token.getByRole('alert')).toContainText('Invalid header value')
    await expect(token).not.toContainText('Blocked by CORS')
  })

  await hostileCase(page, 'token_type DPoP is accepted with a note that it will not be sent as Bearer', async () => {
    await discoverScenario(page, 'dpop')
    await credentials.getByRole('button', { name: 'Request token' }).click()
    await expect(credentials.getByText('Token issued')).toBeVisible()
    await expect(credentials).toContainText('token_type is DPoP')
  })

  await hostileCase(page, 'a DPoP token is never sent as Bearer to the External API', async () => {
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert')).toContainText("This token's token_type is DPoP")
    await expect(api.getByRole('alert')).toContainText('Nothing was sent')
  })

  await hostileCase(page, 'a DPoP token is never sent as Bearer to userinfo', async () => {
    const token = newestToken(page)
    await token.getByRole('button', { name: 'Userinfo' }).click()
    await expect(token.getByRole('alert')).toContainText("This token's token_type is DPoP")
    await expect(token.getByRole('alert')).toContainText('Nothing was sent')
  })
  await expectPageWorks(page)
})

test('replies that lie about their type are still masked in the HAR export', async ({ page }) => {
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  const api = page.getByRole('region', { name: 'External API' })

  for (const [scenario, label, token] of [
    ['html-labelled-json', 'text/html', 'labelled-html-access-token'],
    ['text-labelled-json', 'text/plain', 'labelled-text-access-token'],
    ['unlabelled-json', 'no Content-Type', 'unlabelled-access-token'],
  ] as const) {
    await hostileCase(page, `a JSON token reply labelled ${label}: parsed as a token reply and masked in the HAR`, async () => {
      await discoverScenario(page, scenario)
      await credentials.getByRole('button', { name: 'Request token' }).click()
      await expect(credentials.getByText('Token issued')).toBeVisible()
      const har = await exportedHar(page)
      expect(har).toContain(`/s/${scenario}/token`)
      expect(har).not.toContain(token)
    })
  }

  await hostileCase(page, 'a registration reply labelled text/html: its client_secret is masked in the HAR', async () => {
    await discoverScenario(page, 'html-labelled-registration')
    await api.getByRole('button', { name: 'Send request' }).click()
    await expect(api.getByRole('alert').or(api.getByText('A client was registered'))).toBeVisible()
    const har = await exportedHar(page)
    expect(har).toContain('/s/html-labelled-registration/register')
    expect(har).not.toContain('html-labelled-client-secret')
  })
  await expectPageWorks(page)
})
