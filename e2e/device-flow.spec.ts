import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { expectQrCodeOf } from './qr-code.ts'
import { discover, poll, registerDeviceClient, requestDcrToken, startDeviceFlow, walkToDeviceCode } from './walkthrough.ts'

// The tutorial once, then its device step twice more from "Start over": each round a new device code, polled
// with the other client authentication method, and the last one denied on the other device.
test('the tutorial walk-through ends with access and refresh tokens when polling with client_secret_basic, again with client_secret_post, and a denial shows access_denied', async ({
  page,
  browser,
}) => {
  await page.goto('/')

  // 1. Discovery and a client-credentials token carrying dcr, from the preset www client.
  await discover(page)
  await requestDcrToken(page)

  // 2. Dynamic Client Registration as an External API call; the reply becomes the device client.
  await registerDeviceClient(page)

  // 3. Device authorization: QR code and user code.
  let verificationUriComplete = await startDeviceFlow(page)
  const pollStep = page.getByRole('region', { name: 'Poll' })
  const tokens = page.getByRole('region', { name: 'Tokens' }).getByRole('listitem')
  for (const [round, method] of (['client_secret_basic', 'client_secret_post'] as const).entries()) {
    await test.step(`polling with ${method}`, async () => {
      expect(verificationUriComplete).toContain('user_code=')

      // 4. Poll before approval: authorization_pending.
      await pollStep.getByLabel('Client authentication').selectOption(method)
      await poll(page)
      await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()

      // The user approves on another device; then, after the 1 s interval, the poll returns tokens.
      await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
      await expect(pollStep.getByText('Ready to poll')).toBeVisible()
      await poll(page)
      await expect(pollStep.getByText('Tokens issued')).toBeVisible()
      await expect(pollStep.getByLabel('Access token', { exact: true })).toHaveText(/\S{10,}/)
      await expect(pollStep.getByLabel('Refresh token', { exact: true })).toHaveText(/\S{10,}/)

      // The tokens are carried into the token list, one entry per reply, beside the client-credentials one.
      await expect(tokens).toHaveCount(2 + round)
    })
    verificationUriComplete = await startOver(page, verificationUriComplete)
  }

  await test.step('a user who denies on the other device makes the next poll show access_denied', async () => {
    await answerOnSecondDevice(browser, verificationUriComplete, 'Deny')
    await poll(page)
    await expect(pollStep.getByText('access_denied', { exact: true })).toBeVisible()
    await expect(pollStep).toContainText('The user denied the request')
  })
})

/** "Start over" after a final answer: a new device code, with its own QR code; returns its URI. */
async function startOver(page: Page, previousUri: string) {
  await page.getByRole('region', { name: 'Poll' }).getByRole('button', { name: 'Start over' }).click()
  const link = page.getByRole('region', { name: 'Device Flow' }).getByRole('link', { name: /user_code=/ })
  await expect(link).not.toHaveAttribute('href', previousUri)
  const uri = (await link.getAttribute('href')) ?? ''
  await expectQrCodeOf(page.getByRole('region', { name: 'Device Flow' }).getByRole('img', { name: 'QR code' }), uri)
  return uri
}

// When each poll is sent (never early, +5 s after slow_down, none after a final answer) is the device-flow hook's
// unit test, with fake timers; this journey checks what a person sees, however slow the machine.
test('automatic polling earns no slow_down and ends with tokens once the user approves', async ({ page, browser }) => {
  await page.goto('/')
  const verificationUriComplete = await walkToDeviceCode(page)

  const pollStep = page.getByRole('region', { name: 'Poll' })
  await pollStep.getByLabel('Poll automatically').check()
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()

  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()

  // Every poll before the approval was answered authorization_pending (none too early for slow_down), the last one with tokens.
  await pollStep.getByText(/All polls of this device code/).click()
  const polls = pollStep.getByRole('list', { name: 'Poll history' }).getByRole('listitem')
  const kinds = (await polls.allTextContents()).map((line) => line.split(' · ')[1])
  expect(kinds.length).toBeGreaterThan(1)
  expect(kinds.at(-1)).toBe('tokens')
  expect(kinds.slice(0, -1).every((kind) => kind === 'pending')).toBe(true)
})
