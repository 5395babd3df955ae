import { expect, test } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { collectConsoleErrors } from './console-errors.ts'
import { E2E_SANDBOX } from './servers.ts'
import { poll, walkToDeviceCode } from './walkthrough.ts'

test('the trainer page follows a participant live, from pending to approved, and shows no secret', async ({ page, browser }) => {
  const trainerContext = await browser.newContext()
  const trainer = await trainerContext.newPage()
  const errors = collectConsoleErrors(trainer)
  await trainer.goto(`${E2E_SANDBOX.origin}/trainer`)
  await expect(trainer.getByRole('heading', { name: 'Trainer view' })).toBeVisible()
  // The page's script runs under its strict CSP and subscribes: it says so.
  await expect(trainer.getByRole('status')).toContainText('Live')

  // A participant in the console: registration and a device code, which the trainer sees appear as pending.
  await page.goto('/')
  const verificationUriComplete = await walkToDeviceCode(page)
  const userCode = (await page.getByRole('region', { name: 'Device Flow' }).getByLabel('User code').textContent()) ?? ''
  const hint = `${userCode.replace(/[^0-9A-Z]/gi, '').slice(0, 4)}-••••`
  const codes = trainer.getByRole('table').filter({ has: trainer.getByRole('columnheader', { name: 'User code' }) })
  const row = codes.getByRole('row').filter({ hasText: hint })
  await expect(row).toContainText('pending')
  await expect(trainer.getByRole('table').first()).toContainText('device-client')

  // Approved on a phone and polled: the same row turns approved, and the token request is listed.
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  const pollStep = page.getByRole('region', { name: 'Poll' })
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()
  await expect(row).toContainText('approved (tokens issued)')
  await expect(trainer.getByRole('list', { name: 'Token requests by outcome' })).toContainText('tokens issued')

  // No credential of the session on the trainer's screen: the user code only in part.
  const text = await trainer.locator('body').innerText()
  for (const secret of ['Password1', Buffer.from('www:Password1').toString('base64'), userCode]) expect(text).not.toContain(secret)
  expect(errors()).toEqual([])
  await trainerContext.close()
})
