import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { E2E_SANDBOX } from './servers.ts'
import { poll, walkToDeviceCode } from './walkthrough.ts'

function stepState(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Walk-through steps' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: label, exact: true }) })
}

test('the guided walk-through from an empty browser: each step shows its state and what comes next; Start over keeps the environment', async ({ page, browser }) => {
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Walk-through steps' })
  const next = nav.getByRole('region', { name: 'What to do next' })

  // Nothing done yet: the guide points at discovery and says why.
  for (const label of ['Environment', 'Client Credentials', 'External API', 'Device Flow', 'Poll', 'Tokens']) {
    await expect(stepState(page, label)).toContainText('not started')
  }
  await expect(next).toContainText('Next: Environment')
  await expect(next).toContainText('RFC 8414')

  // Zero configuration against the sandbox: the first three steps, then the device code.
  const verificationUriComplete = await walkToDeviceCode(page)
  for (const label of ['Environment', 'Client Credentials', 'External API', 'Device Flow']) await expect(stepState(page, label)).toContainText('done')
  await expect(next).toContainText('Next: Poll')
  await expect(next).toContainText('RFC 8628 §3.4')

  // Polling before approval: waiting, not failed.
  const pollStep = await poll(page)
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()
  await expect(stepState(page, 'Poll')).toContainText('waiting for approval')

  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()
  await expect(stepState(page, 'Poll')).toContainText('done')
  await expect(stepState(page, 'Tokens')).toContainText('done')
  await expect(next).toContainText('The walk-through is done.')

  // Start over: every step afresh, tokens gone, the environment kept.
  await nav.getByRole('button', { name: 'Start over' }).click()
  for (const label of ['Environment', 'Client Credentials', 'Poll', 'Tokens']) await expect(stepState(page, label)).toContainText('not started')
  await expect(next).toContainText('Next: Environment')
  await expect(page.getByRole('region', { name: 'Client Credentials' }).getByText('Token issued')).toBeHidden()
  await expect(page.getByRole('region', { name: 'Environment' }).getByLabel('Issuer URL')).toHaveValue(E2E_SANDBOX.issuer)

  // Any step can be redone.
  await page.getByRole('region', { name: 'Environment' }).getByRole('button', { name: 'Discover' }).click()
  await expect(stepState(page, 'Environment')).toContainText('done')
  await expect(next).toContainText('Next: Client Credentials')
})
