import { expect, test } from '@playwright/test'
import { collectConsoleErrors } from './console-errors.ts'
import { E2E_SANDBOX } from './servers.ts'

test('the console shell renders its steps, the log and the preset sandbox environment without console errors', async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page)
  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'OAuth Console' })).toBeVisible()
  const navigation = page.getByRole('navigation', { name: 'Walk-through steps' })
  for (const step of ['Environment', 'Client Credentials', 'External API', 'Device Flow', 'Poll']) {
    await expect(navigation.getByRole('link', { name: step, exact: true })).toBeVisible()
    await expect(page.getByRole('region', { name: step, exact: true })).toBeVisible()
  }
  await expect(page.getByRole('complementary', { name: 'HTTP log' })).toBeVisible()

  // Pre-configured for the local sandbox: the header names it and the issuer is filled in.
  await expect(page.getByRole('banner')).toContainText('Local sandbox')
  await expect(page.getByLabel('Issuer URL')).toHaveValue(E2E_SANDBOX.issuer)

  expect(consoleErrors()).toEqual([])
})
