import { expect, test } from '@playwright/test'
import { firstViewOf, recordFirstViews } from './first-view.ts'
import { E2E_SANDBOX } from './servers.ts'

test('a named environment and its client survive a reload, and the secret only when the person opted in', async ({ page }) => {
  await page.goto('/')
  const environment = page.getByRole('region', { name: 'Environment' })

  // A second environment, configured by hand and then discovered.
  await environment.getByRole('button', { name: 'New environment' }).click()
  await environment.getByLabel('Environment name').fill('Staging')
  await environment.getByLabel('Issuer URL').fill(E2E_SANDBOX.issuer)
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByLabel('Token endpoint')).toHaveValue(`${E2E_SANDBOX.origin}/oauth/v2/oauth-token`)

  const step = page.getByRole('region', { name: 'Client Credentials' })
  await step.getByRole('button', { name: 'New client' }).click()
  await step.getByLabel('Client ID').fill('www')
  await step.getByLabel('Client secret').fill('Password1')

  // Not remembered: after a reload the client is there, its secret is not. What was saved applies before the
  // steps first appear (saved settings are read before the first render).
  await recordFirstViews(page)
  await page.reload()
  expect((await firstViewOf(page)).banner).toContain('Staging')
  await expect(page.getByRole('banner')).toContainText('Staging')
  await expect(step.getByLabel('Client ID')).toHaveValue('www')
  await expect(step.getByLabel('Client secret')).toHaveValue('')
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('Password1')

  // The whole discovery document is kept with the environment, shown on demand.
  await environment.getByText('Discovery document').click()
  await expect(environment.getByLabel('Discovery document')).toContainText('"id_token_signing_alg_values_supported"')

  // Remembered on request.
  await step.getByLabel('Client secret').fill('Password1')
  await environment.getByLabel('Remember secrets on this device').check()
  await page.reload()
  expect((await firstViewOf(page)).clientSecret).toBe('Password1')
  await expect(step.getByLabel('Client secret')).toHaveValue('Password1')

  // The token request works with the restored configuration.
  await step.getByRole('button', { name: 'Request token' }).click()
  await expect(step.getByText('Token issued')).toBeVisible()

  // The preset sandbox environment is still one choice away.
  await environment.getByLabel('Environment', { exact: true }).selectOption({ label: 'Local sandbox' })
  await expect(page.getByRole('banner')).toContainText('Local sandbox')
})
