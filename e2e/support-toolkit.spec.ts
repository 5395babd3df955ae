import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { E2E_CONSOLE_ORIGIN } from './servers.ts'
import { discover, registerDeviceClient, requestDcrToken } from './walkthrough.ts'

const WWW_SECRET = 'Password1'
const WWW_BASIC = Buffer.from(`www:${WWW_SECRET}`).toString('base64')

function httpLog(page: Page) {
  return page.getByRole('complementary', { name: 'HTTP log' })
}

async function openExportImport(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
  return page.getByRole('dialog', { name: 'Export / Import' })
}

async function issuedAccessToken(page: Page) {
  return (await page.getByRole('region', { name: 'Client Credentials' }).getByLabel('Access token', { exact: true }).textContent()) ?? ''
}

test('a token request copied as curl replays from a shell with the same status, and the masked copy holds no secret', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  await requestDcrToken(page)

  // Newest first; arrow keys move between rows.
  const log = httpLog(page)
  const allRows = log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')
  await expect(allRows.first()).toContainText('Client credentials')
  await allRows.first().getByRole('button').focus()
  await page.keyboard.press('ArrowDown')
  await expect(allRows.nth(1).getByRole('button')).toBeFocused()
  await expect(allRows.nth(1)).toContainText('Discovery')

  // Open the client-credentials exchange from the log.
  await log.getByLabel('Step').selectOption('client-credentials')
  const rows = log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')
  await expect(rows).toHaveCount(1)
  await rows.first().getByRole('button').click()
  const detail = page.getByRole('dialog')
  await expect(detail.getByRole('heading', { name: /POST .*token.* 200/ })).toBeVisible()
  await expect(detail.getByRole('button', { name: 'Copy as curl' })).toBeVisible()

  // Masked by default: neither the secret nor its Basic encoding.
  const curl = detail.getByLabel('curl command')
  await expect(curl).toContainText(/authorization: Basic ••••••/i)
  await expect(curl).toContainText('# Secrets are shown as ••••••: put them back before running this')
  const masked = (await curl.textContent()) ?? ''
  expect(masked).not.toContain(WWW_SECRET)
  expect(masked).not.toContain(WWW_BASIC)

  // Unmasked on request, and it works from a shell exactly as it did from the console.
  await detail.getByLabel('Show secrets').check()
  await expect(curl).toContainText(WWW_BASIC)
  const command = (await curl.textContent()) ?? ''
  const status = execFileSync('bash', ['-c', `${command} -o /dev/null -w '%{http_code}'`], { encoding: 'utf8', timeout: 60_000 })
  expect(status).toBe('200')
})

test('Export HAR downloads a HAR 1.2 log without secrets unless they are asked for', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  await requestDcrToken(page)
  const accessToken = await issuedAccessToken(page)
  expect(accessToken.length).toBeGreaterThan(10)

  const dialog = await openExportImport(page)
  await expect(dialog.getByLabel('Include secrets')).not.toBeChecked()
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export HAR' }).click()])
  expect(download.suggestedFilename()).toMatch(/^oauth-console-\d{4}-\d{2}-\d{2}\.har$/)
  const text = await readFile(await download.path(), 'utf8')
  const har = JSON.parse(text) as {
    log: { version: string; creator: { name: string }; entries: { startedDateTime: string; request: { method: string; url: string }; response: { status: number } }[] }
  }
  expect(har.log.version).toBe('1.2')
  expect(har.log.creator.name).toBe('OAuth Console')
  expect(har.log.entries.map((entry) => entry.response.status)).toEqual([200, 200])
  expect(har.log.entries[1]?.request).toMatchObject({ method: 'POST', url: expect.stringContaining('token') })
  for (const entry of har.log.entries) expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false)
  for (const secret of [WWW_SECRET, WWW_BASIC, accessToken]) expect(text).not.toContain(secret)
  await expect(dialog.getByRole('status')).toContainText('secrets masked')

  // Opting in warns, and the export then carries the credentials.
  await dialog.getByLabel('Include secrets').check()
  await expect(dialog.getByText('Secrets included')).toBeVisible()
  const [withSecrets] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export HAR' }).click()])
  const unmasked = await readFile(await withSecrets.path(), 'utf8')
  expect(unmasked).toContain(WWW_BASIC)
  expect(unmasked).toContain(accessToken)
})

test('a session exported in one browser restores its environment, clients and log in a fresh one', async ({ page, browser }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })
  await environment.getByLabel('Environment name').fill('Support case 4711')
  await discover(page)
  await requestDcrToken(page)
  await registerDeviceClient(page)
  await expect(environment.getByText('Clients (2)')).toBeVisible()

  const dialog = await openExportImport(page)
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export session' }).click()])
  expect(download.suggestedFilename()).toMatch(/^oauth-console-session-\d{4}-\d{2}-\d{2}\.json$/)
  const sessionPath = await download.path()
  expect(await readFile(sessionPath, 'utf8')).not.toContain(WWW_SECRET)

  // A colleague's browser: empty storage, only the preset sandbox.
  const context = await browser.newContext({ baseURL: E2E_CONSOLE_ORIGIN })
  const colleague = await context.newPage()
  await colleague.goto('/')
  await expect(colleague.getByRole('banner')).toContainText('Local sandbox')
  await expect(colleague.getByRole('region', { name: 'Environment' }).getByText('Clients (1)')).toBeVisible()

  const imported = await openExportImport(colleague)
  await imported.getByLabel('Import session file').setInputFiles(sessionPath)
  await expect(imported.getByRole('status')).toContainText('Imported 1 environment with 2 clients and 3 exchanges.')
  await imported.getByRole('button', { name: 'Close' }).click()

  await expect(colleague.getByRole('banner')).toContainText('Support case 4711')
  const colleagueEnvironment = colleague.getByRole('region', { name: 'Environment' })
  await colleagueEnvironment.getByText('Clients (2)').click()
  await expect(colleagueEnvironment.getByRole('list', { name: 'Clients' }).getByRole('listitem')).toHaveCount(2)
  await expect(colleagueEnvironment.getByLabel('Label of www')).toHaveValue('www (confidential)')
  await expect(httpLog(colleague).getByRole('list', { name: 'Exchanges' }).getByRole('listitem')).toHaveCount(3)
  await context.close()
})

test('a file that is not a session file is refused with an alert and changes nothing', async ({ page }) => {
  await page.goto('/')
  const dialog = await openExportImport(page)
  await dialog.getByLabel('Import session file').setInputFiles({
    name: 'session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'something-else', environments: [{ id: 'x', name: 'Hijacked' }] })),
  })
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported')
  await expect(dialog.getByRole('alert')).toContainText('not an OAuth Console session file')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await expect(page.getByRole('banner')).toContainText('Local sandbox')
  await expect(page.getByRole('region', { name: 'Environment' }).getByText('Clients (1)')).toBeVisible()
  await expect(httpLog(page).getByRole('list', { name: 'Exchanges' })).toHaveCount(0)
})
