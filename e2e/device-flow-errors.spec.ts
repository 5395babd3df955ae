import { expect, test } from '@playwright/test'
import { E2E_SANDBOX_SHORT_LIVED, E2E_SANDBOX_SLOW_POLLING } from './servers.ts'
import { poll, walkToDeviceCode } from './walkthrough.ts'

// A denial on the other device is the last round of the walk-through in device-flow.spec.ts.
test('polling after the device code lifetime shows expired_token', async ({ page }) => {
  await page.goto('/')
  // This sandbox's device codes live 3 s: the countdown reaches "expired" however long the steps before took.
  await walkToDeviceCode(page, { issuer: E2E_SANDBOX_SHORT_LIVED.issuer })

  await expect(page.getByRole('region', { name: 'Device Flow' }).getByLabel('Time left')).toHaveText('expired')
  const pollStep = await poll(page)
  await expect(pollStep.getByText('expired_token', { exact: true })).toBeVisible()
})

test('polling again before the interval warns and the server answers slow_down with a longer interval', async ({ page }) => {
  await page.goto('/')
  await walkToDeviceCode(page, { issuer: E2E_SANDBOX_SLOW_POLLING.issuer })

  const pollStep = await poll(page)
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText(/That poll was \d+ s early/)).toBeVisible()
  await expect(pollStep.getByText('slow_down', { exact: true })).toBeVisible()
  // 30 s interval + 5 s (RFC 8628 §3.5).
  await expect(pollStep).toContainText('is now 35 s')
})
