import { expect, test, type Page } from '@playwright/test'
import { E2E_CONSOLE_ORIGIN } from './servers.ts'
import { discover, signInAndAnswer } from './walkthrough.ts'

/** Arriving back means a page load, the code exchange and a JWKS fetch: more than one expect's default on a busy machine. */
const ARRIVAL = { timeout: 45_000 }

const authorizationCode = (page: Page) => page.getByRole('region', { name: 'Authorization Code' })
const httpLog = (page: Page) => page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })

test('authorization code with PKCE, then without: each code exchanged and its ID token validated', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const step = authorizationCode(page)

  // The form: the console's own callback, PKCE on, the exact URL previewed.
  await expect(step.getByLabel('Redirect URI')).toHaveValue(`${E2E_CONSOLE_ORIGIN}/callback`)
  await expect(step.getByLabel('Use PKCE')).toBeChecked()
  await expect(step.getByLabel('Use PAR')).toBeEnabled()
  await expect(step.getByLabel('Authorization URL')).toContainText('code_challenge_method=S256')
  await expect(step.getByLabel('Authorization URL')).toContainText('nonce=')
  const previewed = (await step.getByLabel('Authorization URL').textContent()) ?? ''
  // The exact URL copies in one click, for trying the server's pages elsewhere.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await step.getByRole('button', { name: 'Copy URL' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(previewed)

  // With PKCE: the browser goes to the sandbox exactly as previewed, and comes back to the walk-through.
  const sentTo = page.waitForRequest((request) => request.url().includes('/oauth-authorize?'))
  await step.getByRole('button', { name: 'Authorize' }).click()
  expect((await sentTo).url()).toBe(previewed)
  await signInAndAnswer(page, 'Approve')
  await expect(step.getByText('Code exchanged for tokens')).toBeVisible(ARRIVAL)
  await expect(page).toHaveURL(`${E2E_CONSOLE_ORIGIN}/#authorization-code`)
  await expect(step.getByText('ID token valid')).toBeVisible(ARRIVAL)
  await expect(httpLog(page)).toContainText('Discovery')
  await expect(httpLog(page).getByRole('button', { name: /Authorization code/ })).toHaveCount(1)
  const tokens = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('list', { name: 'Tokens obtained' })
  await expect(tokens.getByRole('listitem').filter({ hasText: 'Authorization code' })).toHaveCount(1)

  // Without PKCE: the sandbox lets a confidential client go without; the sign-in session is reused.
  // offline_access without prompt=consent is dropped (OIDC Core §11), and the step says so.
  await step.getByLabel('Use PKCE').uncheck()
  await step.getByLabel('Scope').fill('openid offline_access')
  await expect(step.getByLabel('Authorization URL')).not.toContainText('code_challenge')
  await step.getByRole('button', { name: 'Authorize' }).click()
  await expect(step.getByText('Code exchanged for tokens')).toBeVisible(ARRIVAL)
  const scopeNotice = step.getByRole('status').filter({ hasText: 'Scope differs from the request' })
  await expect(scopeNotice).toContainText('Not granted: "offline_access".')
  await expect(scopeNotice).toContainText('prompt=consent')
  await expect(step.getByLabel('Use PKCE')).not.toBeChecked()
  await expect(tokens.getByRole('listitem').filter({ hasText: 'Authorization code' })).toHaveCount(2)
})

test('a pushed authorization request (PAR): only client_id and request_uri go through the browser', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const step = authorizationCode(page)
  const tokens = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('list', { name: 'Tokens obtained' })

  await step.getByLabel('Use PAR').check()
  await expect(step.getByLabel('Pushed request body')).toContainText('code_challenge=')
  await expect(step.getByLabel('Authorization URL')).toContainText('request_uri=')

  // Pushed with none, the confidential client is refused; the likely cause comes with the fix as a button.
  await step.getByLabel('Client authentication').selectOption('none')
  await step.getByRole('button', { name: 'Authorize', exact: true }).click()
  await expect(step.getByRole('alert')).toContainText('invalid_client')
  await expect(step.getByText('Likely cause')).toBeVisible()
  await step.getByRole('button', { name: 'Authorize again with client_secret_basic' }).click()
  await signInAndAnswer(page, 'Approve')
  await expect(step.getByText('Code exchanged for tokens')).toBeVisible(ARRIVAL)
  await expect(step.getByText('ID token valid')).toBeVisible(ARRIVAL)
  await expect(step.getByLabel('Use PAR')).toBeChecked()
  await expect(step.getByLabel('Client authentication')).toHaveValue('client_secret_basic')
  await expect(httpLog(page).getByRole('button', { name: /Pushed authorization/ })).toHaveCount(2)
  await expect(tokens.getByRole('listitem').filter({ hasText: 'Authorization code' })).toHaveCount(1)
})

test('a forged state is refused and an access_denied redirect is explained', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const step = authorizationCode(page)

  // A link someone else made, landing on the callback while this tab waits for its own reply.
  await step.getByRole('button', { name: 'Authorize' }).click()
  await expect(page.getByLabel('Username')).toBeVisible()
  await page.goto('/callback?code=forged&state=forged')
  await expect(step.getByRole('alert')).toContainText('"state" does not match')
  await expect(step.getByText('Code exchanged for tokens')).toHaveCount(0)
  await expect(httpLog(page).getByRole('button', { name: /Authorization code/ })).toHaveCount(0)

  // The user says no: the redirect's error is explained like any other reply.
  await step.getByRole('button', { name: 'Authorize' }).click()
  await signInAndAnswer(page, 'Deny')
  await expect(step.getByRole('alert')).toContainText('access_denied (in the redirect)')
  await expect(step.getByRole('alert')).toContainText('What it means:')
  await expect(step.getByRole('alert')).toContainText("declined on the server's consent page")
})
