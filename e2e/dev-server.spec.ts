import { expect, test } from '@playwright/test'
import { collectConsoleErrors } from './console-errors.ts'
import { E2E_START_CONSOLE_ORIGIN } from './servers.ts'

// The other journeys use the production build; `npm start` serves React's development build in StrictMode,
// which runs some code twice and checks more. A part that works in one and throws in the other blanks the
// console for every trainer and developer who starts it the usual way.
test('the console as npm start serves it: header controls, switches and disclosures open and close without an error', async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page)
  await page.goto(`${E2E_START_CONSOLE_ORIGIN}/`)
  const header = page.getByRole('banner')
  await expect(header.getByRole('heading', { level: 1, name: 'OAuth Console' })).toBeVisible()

  const limits = header.getByText('Limits', { exact: true })
  await limits.click()
  await expect(page.getByLabel('Request timeout (seconds)')).toHaveValue('30')
  await limits.click()
  await expect(page.getByLabel('Request timeout (seconds)')).toBeHidden()

  for (const name of ['Export / Import', 'Share environment']) {
    await header.getByRole('button', { name }).click()
    const dialog = page.getByRole('dialog', { name })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
  }

  const environment = page.getByRole('region', { name: 'Environment' })
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Endpoints discovered')).toBeVisible()
  for (const summary of [/^Clients \(\d+\)$/, /^Discovery document$/]) {
    await environment.getByText(summary).click()
    await environment.getByText(summary).click()
  }

  for (const name of ['Presentation mode', 'Guided mode']) {
    const toggle = page.getByRole('switch', { name })
    await toggle.check()
    await toggle.uncheck()
  }

  await expect(header).toBeVisible()
  await expect(page.getByRole('region', { name: 'Client Credentials', exact: true })).toBeVisible()
  expect(consoleErrors()).toEqual([])
})
