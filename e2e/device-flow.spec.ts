import { expect, test } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { discover, poll, registerDeviceClient, requestDcrToken, startDeviceFlow } from './walkthrough.ts'

for (const method of ['client_secret_basic', 'client_secret_post'] as const) {
  test(`the tutorial walk-through ends with access and refresh tokens when polling with ${method}`, async ({ page, browser }) => {
    await page.goto('/')

    // 1. Discovery and a client-credentials token carrying dcr, from the preset www client.
    await discover(page)
    await requestDcrToken(page)

    // 2. Dynamic Client Registration as an External API call; the reply becomes the device client.
    await registerDeviceClient(page)

    // 3. Device authorization: QR code and user code.
    const verificationUriComplete = await startDeviceFlow(page)
    expect(verificationUriComplete).toContain('user_code=')

    // 4. Poll before approval: authorization_pending.
    const pollStep = page.getByRole('region', { name: 'Poll' })
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

    // Both tokens are carried into the token list.
    await expect(page.getByRole('region', { name: 'Tokens' }).getByRole('listitem')).toHaveCount(2)
  })
}
