import { expect, test } from '@playwright/test'
import { collectConsoleErrors } from './console-errors.ts'
import { E2E_SANDBOX } from './servers.ts'
import { discover, requestDcrToken } from './walkthrough.ts'

test('the console shell renders its steps, the log and the preset sandbox environment without console errors, on a desktop and on a phone', async ({ page }) => {
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

  // On a phone: every header control in reach, nothing widens the page, and the page scrolls as one, the
  // log after the steps.
  await page.setViewportSize({ width: 390, height: 844 })
  const header = page.getByRole('banner')
  await expect(header.getByRole('switch', { name: 'Presentation mode' })).toBeInViewport({ ratio: 1 })
  const buttons = header.getByRole('button')
  expect(await buttons.count()).toBeGreaterThanOrEqual(2)
  for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await discover(page)
  await requestDcrToken(page)
  const log = page.getByRole('complementary', { name: 'HTTP log' })
  await log.scrollIntoViewIfNeeded()
  await expect(log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')).toHaveCount(2)
  const [steps, logBox] = [await page.getByRole('main').boundingBox(), await log.boundingBox()]
  expect(steps && logBox && logBox.y >= steps.y + steps.height).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  expect(consoleErrors()).toEqual([])
})

