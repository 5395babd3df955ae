import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { collectConsoleErrors } from './console-errors.ts'
import { E2E_CONSOLE_ORIGIN, E2E_SANDBOX } from './servers.ts'

const SECRET = 'Password1'
const forbidden = [SECRET, Buffer.from(SECRET).toString('base64'), Buffer.from(`www:${SECRET}`).toString('base64')]

const toBase64Url = (text: string) => Buffer.from(text).toString('base64url')

/** What the console keeps about environments in this browser: unchanged means nothing was added. */
const storedEnvironments = (page: Page) => page.evaluate(() => localStorage.getItem('oauth-console:environments'))

function environmentChoices(page: Page) {
  return page.getByRole('region', { name: 'Environment' }).getByLabel('Environment', { exact: true }).getByRole('option')
}

test('a shared link opened in a fresh browser recreates the environment with no secret in the URL; a file does too', async ({ page, browser }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })

  // An environment of one's own, with a client and its secret.
  await environment.getByRole('button', { name: 'New environment' }).click()
  await environment.getByLabel('Environment name').fill('Staging (shared)')
  await environment.getByLabel('Issuer URL').fill(E2E_SANDBOX.issuer)
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByLabel('Token endpoint')).toHaveValue(`${E2E_SANDBOX.origin}/oauth/v2/oauth-token`)
  const step = page.getByRole('region', { name: 'Client Credentials' })
  await step.getByRole('button', { name: 'New client' }).click()
  await step.getByLabel('Client ID').fill('www')
  await step.getByLabel('Client secret').fill(SECRET)
  // The scope a flow asks for is kept with the environment, and shared with it.
  await page.getByRole('region', { name: 'Device Flow' }).getByLabel('Scope').fill('openid offline_access')

  // Shared as a link: the environment sits in the fragment, and no secret anywhere in it.
  await page.getByRole('banner').getByRole('button', { name: 'Share environment' }).click()
  const share = page.getByRole('dialog', { name: 'Share environment' })
  await expect(share.getByRole('region', { name: 'What is shared' })).toContainText('www')
  const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link.startsWith(`${E2E_CONSOLE_ORIGIN}/#share=`)).toBe(true)
  const decoded = Buffer.from(new URL(link).hash.slice('#share='.length), 'base64url').toString('utf8')
  expect(JSON.parse(decoded)).toMatchObject({
    name: 'Staging (shared)',
    issuer: E2E_SANDBOX.issuer,
    clients: [{ client_id: 'www' }],
    scopes: { device_authorization: 'openid offline_access' },
  })
  for (const value of forbidden) {
    expect(link).not.toContain(value)
    expect(decoded).not.toContain(value)
  }

  // And as a file, with the same content.
  const [download] = await Promise.all([page.waitForEvent('download'), share.getByRole('button', { name: 'Download environment file' }).click()])
  const file = await readFile(await download.path(), 'utf8')
  expect(JSON.parse(file)).toEqual(JSON.parse(decoded))
  for (const value of forbidden) expect(file).not.toContain(value)

  // A fresh browser opens the link: it shows what will be added and asks first.
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const errors = collectConsoleErrors(other)
  await other.goto(link)
  const ask = other.getByRole('dialog', { name: 'Add shared environment?' })
  const preview = ask.getByRole('region', { name: 'What will be added' })
  await expect(preview).toContainText('Staging (shared)')
  await expect(preview).toContainText(E2E_SANDBOX.issuer)
  await expect(preview.getByRole('list', { name: 'Shared clients' })).toContainText('www')
  await expect(preview).toContainText('Device flow scope')
  await expect(preview).toContainText('openid offline_access')
  await expect(environmentChoices(other)).toHaveText(['Local sandbox'])
  await ask.getByRole('button', { name: 'Add environment' }).click()
  await expect(ask).toBeHidden()
  expect(new URL(other.url()).hash).toBe('')

  // Recreated and active: issuer, endpoints, client id; the secret is the newcomer's to enter.
  await expect(other.getByRole('banner')).toContainText('Staging (shared)')
  const otherEnvironment = other.getByRole('region', { name: 'Environment' })
  await expect(otherEnvironment.getByLabel('Issuer URL')).toHaveValue(E2E_SANDBOX.issuer)
  await expect(otherEnvironment.getByLabel('Token endpoint')).toHaveValue(`${E2E_SANDBOX.origin}/oauth/v2/oauth-token`)
  const otherStep = other.getByRole('region', { name: 'Client Credentials' })
  await expect(otherStep.getByLabel('Client ID')).toHaveValue('www')
  await expect(otherStep.getByLabel('Client secret')).toHaveValue('')
  await expect(other.getByRole('region', { name: 'Device Flow' }).getByLabel('Scope')).toHaveValue('openid offline_access')
  await expect(otherStep.getByLabel('Scope')).toHaveValue('dcr')
  await otherStep.getByLabel('Client secret').fill(SECRET)
  await otherStep.getByRole('button', { name: 'Request token' }).click()
  await expect(otherStep.getByText('Token issued')).toBeVisible()

  // The file, imported: asked first too, then added beside the first.
  await other.getByRole('banner').getByRole('button', { name: 'Share environment' }).click()
  const otherShare = other.getByRole('dialog', { name: 'Share environment' })
  await otherShare.getByLabel('Import environment file').setInputFiles(await download.path())
  await expect(otherShare.getByRole('region', { name: 'What will be added' })).toContainText('Staging (shared)')
  await otherShare.getByRole('button', { name: 'Add environment' }).click()
  await expect(otherShare.getByRole('status').filter({ hasText: 'Environment added' })).toContainText('is now the active environment')
  await expect(environmentChoices(other)).toHaveText(['Local sandbox', 'Staging (shared)', 'Staging (shared)'])
  expect(errors()).toEqual([])
  await fresh.close()
})

test('malformed and hostile shared links and files get a clear message and change nothing', async ({ page }) => {
  await page.goto('/')
  await expect(environmentChoices(page)).toHaveText(['Local sandbox'])
  const before = await storedEnvironments(page)

  const base = { version: 1, name: 'Evil', issuer: 'https://idp.example', endpoints: {}, clients: [] as unknown[] }
  const hostile: [string, RegExp][] = [
    [toBase64Url(JSON.stringify({ ...base, clients: [{ label: 'x', client_id: 'x', token_endpoint_auth_method: 'client_secret_basic', client_secret: 'stolen' }] })), /unexpected "client_secret"/],
    [toBase64Url(JSON.stringify({ ...base, endpoints: { token_endpoint: 'javascript:alert(document.domain)' } })), /endpoints\.token_endpoint/],
    [toBase64Url(JSON.stringify({ ...base, name: '<img src=x onerror=alert(1)>', issuer: 'file:///etc/passwd' })), /issuer/],
    ['%%%not-base64', /damaged/],
    [toBase64Url('{"version":1,'), /not valid JSON/],
    ['A'.repeat(20_000), /too long/],
  ]
  for (const [payload, message] of hostile) {
    // Each arrives as a link pasted into the tab: only the fragment changes.
    await page.goto(`/#share=${payload}`)
    const refused = page.getByRole('dialog', { name: 'Shared link refused' })
    await expect(refused.getByRole('alert')).toContainText(message)
    await expect(refused.getByRole('alert')).toContainText('Nothing was added.')
    await refused.getByRole('button', { name: 'OK' }).click()
    await expect(refused).toBeHidden()
    await expect(environmentChoices(page)).toHaveText(['Local sandbox'])
    expect(await storedEnvironments(page)).toBe(before)
  }

  // A file that smuggles a secret is refused the same way.
  await page.getByRole('banner').getByRole('button', { name: 'Share environment' }).click()
  const share = page.getByRole('dialog', { name: 'Share environment' })
  await share.getByLabel('Import environment file').setInputFiles({
    name: 'environment.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...base, clients: [{ label: 'x', client_id: 'x', token_endpoint_auth_method: 'none', registration_access_token: 'rat' }] })),
  })
  await expect(share.getByRole('alert')).toContainText('unexpected "registration_access_token"')
  await expect(share.getByRole('button', { name: 'Add environment' })).toHaveCount(0)
  await share.getByRole('button', { name: 'Close' }).click()
  await expect(environmentChoices(page)).toHaveText(['Local sandbox'])
  expect(await storedEnvironments(page)).toBe(before)
})
