import { expect, test, type Page } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { E2E_SANDBOX } from './servers.ts'
import { discover, poll, registerDeviceClient, requestDcrToken, signInAndAnswer, startDeviceFlow } from './walkthrough.ts'

const httpLog = (page: Page) => page.getByRole('complementary', { name: 'HTTP log' })

/** Opens the log's `index`-th exchange (newest first) of one step and returns its detail dialog. */
async function openExchange(page: Page, step: string, index: number, expectedRows: number) {
  const log = httpLog(page)
  await log.getByLabel('Step').selectOption(step)
  const rows = log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')
  await expect(rows).toHaveCount(expectedRows)
  await rows.nth(index).getByRole('button').click()
  return page.getByRole('dialog')
}

/** Opens the newest exchange of one step once it has the given status (a nonce retry may or may not come first). */
async function openNewestExchange(page: Page, step: string, status: string) {
  const log = httpLog(page)
  await log.getByLabel('Step').selectOption(step)
  const newest = log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem').first()
  await expect(newest).toContainText(status)
  await newest.getByRole('button').click()
  return page.getByRole('dialog')
}

async function proofClaims(dialog: ReturnType<Page['getByRole']>) {
  return JSON.parse((await dialog.getByLabel('DPoP proof claims').textContent()) ?? '{}') as Record<string, unknown>
}

test('DPoP: client credentials and a device poll get DPoP-bound tokens, the nonce retry and every proof are in the log, and the bound token calls an API with a proof carrying ath', async ({ page, browser }) => {
  await page.goto('/')
  await discover(page)
  const tokenUrl = `${E2E_SANDBOX.origin}/oauth/v2/oauth-token`

  // The tutorial's Bearer token registers the device client, as usual.
  await requestDcrToken(page)
  await registerDeviceClient(page)

  // Client credentials with DPoP: a key made in the browser, its thumbprint shown.
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByRole('checkbox', { name: 'Use DPoP' }).check()
  const thumbprint = credentials.getByLabel('DPoP key thumbprint')
  await expect(thumbprint).toHaveText(/^[\w-]{43}$/)
  const jkt = (await thumbprint.textContent()) ?? ''
  await credentials.getByRole('button', { name: 'Request token' }).click()
  await expect(credentials.getByText('Token issued')).toBeVisible()
  await expect(credentials.getByText('DPoP', { exact: true })).toBeVisible()
  // The step says why the log has a 400 first, and a DPoP token it asked for is no conformance issue.
  await expect(credentials.getByText(/first refused the proof with use_dpop_nonce \(HTTP 400\) and sent DPoP-Nonce \S+; the console sent a new proof/)).toBeVisible()
  await expect(credentials.getByText(/Conformance note/)).toHaveCount(0)

  // The sandbox asks for a nonce: the first proof is refused with use_dpop_nonce, the retry carries the nonce.
  let dialog = await openExchange(page, 'client-credentials', 1, 3)
  await expect(dialog.getByRole('heading', { name: /POST .*token.* 400/ })).toBeVisible()
  await expect(dialog.getByText(/use_dpop_nonce/).first()).toBeVisible()
  const challenged = await proofClaims(dialog)
  expect(challenged).toMatchObject({ htm: 'POST', htu: tokenUrl })
  expect(challenged.nonce).toBeUndefined()
  await expect(dialog.getByLabel('DPoP proof header')).toContainText('"typ": "dpop+jwt"')
  await expect(dialog.getByLabel('DPoP proof header')).toContainText('"kty": "EC"')
  await dialog.getByRole('button', { name: 'Close' }).click()

  dialog = await openExchange(page, 'client-credentials', 0, 3)
  await expect(dialog.getByRole('heading', { name: /POST .*token.* 200/ })).toBeVisible()
  const retried = await proofClaims(dialog)
  expect(retried).toMatchObject({ htm: 'POST', htu: tokenUrl, nonce: expect.any(String), jti: expect.any(String), iat: expect.any(Number) })
  expect(retried.jti).not.toBe(challenged.jti)
  await expect(dialog.getByText(/"token_type": ?"DPoP"/).first()).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The device poll with DPoP, same environment, same key.
  const device = page.getByRole('region', { name: 'Device Flow' })
  await device.getByRole('checkbox', { name: 'Use DPoP' }).check()
  await expect(device.getByLabel('DPoP key thumbprint')).toHaveText(jkt)
  const verificationUri = await startDeviceFlow(page, 'openid')
  const pollStep = await poll(page)
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()
  await answerOnSecondDevice(browser, verificationUri, 'Approve')
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()
  await expect(pollStep.getByText('DPoP', { exact: true })).toBeVisible()

  // The token list keeps the binding.
  const tokens = page.getByRole('region', { name: 'Tokens' })
  await expect(tokens.getByRole('definition').filter({ hasText: /^DPoP \(DPoP-bound/ })).toHaveCount(2)

  // Every poll carried a proof; the last one is shown decoded.
  dialog = await openNewestExchange(page, 'device-poll', '200')
  expect(await proofClaims(dialog)).toMatchObject({ htm: 'POST', htu: tokenUrl, nonce: expect.any(String) })
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The External API step sends the DPoP-bound token (the newest) as Authorization: DPoP with a fresh proof carrying ath.
  const api = page.getByRole('region', { name: 'External API' })
  await expect(api.getByLabel('Bearer token')).toContainText('Device flow')
  await api.getByLabel('Method').selectOption('GET')
  await api.getByLabel('URL').fill(`${E2E_SANDBOX.issuer.replace(/\/oauth-anonymous$/, '')}/oauth-userinfo`)
  await api.getByRole('button', { name: 'Send request' }).click()
  await expect(api.getByText('200 OK', { exact: true })).toBeVisible()
  dialog = await openNewestExchange(page, 'external-api', '200')
  await expect(dialog.getByText(/authorization: DPoP ••••/i).first()).toBeVisible()
  expect(await proofClaims(dialog)).toMatchObject({ htm: 'GET', ath: expect.stringMatching(/^[\w-]{43}$/) })
})

test('DPoP on the authorization code: dpop_jkt names the browser key, the code exchange and the refresh carry its proofs, the tokens are DPoP-bound', async ({ page }) => {
  await page.goto('/')
  await discover(page)
  const tokenUrl = `${E2E_SANDBOX.origin}/oauth/v2/oauth-token`

  // The key is made for this request; its thumbprint is the dpop_jkt of the previewed URL.
  const step = page.getByRole('region', { name: 'Authorization Code' })
  await step.getByRole('checkbox', { name: 'Use DPoP' }).check()
  const thumbprint = step.getByLabel('DPoP key thumbprint')
  await expect(thumbprint).toHaveText(/^[\w-]{43}$/)
  const jkt = (await thumbprint.textContent()) ?? ''
  await expect(step.getByLabel('Authorization URL')).toContainText(`dpop_jkt=${jkt}`)

  // To the sandbox and back; the code is exchanged with a proof from that key.
  await step.getByRole('button', { name: 'Authorize' }).click()
  await signInAndAnswer(page, 'Approve')
  await expect(step.getByText('Code exchanged for tokens')).toBeVisible({ timeout: 45_000 })
  await expect(step.getByRole('checkbox', { name: 'Use DPoP' })).toBeChecked()
  await expect(step.getByText('DPoP', { exact: true })).toBeVisible()
  await expect(step.getByRole('paragraph').filter({ hasText: /^Tokens bound to this browser's DPoP key$/ })).toBeVisible()
  await expect(step.getByText(jkt, { exact: true })).toBeVisible()
  await expect(step.getByText(/first refused the proof with use_dpop_nonce/)).toBeVisible()
  await expect(step.getByText(/Conformance note/)).toHaveCount(0)

  // The sandbox asks for a nonce: the refused proof and the retry, both recorded and decoded.
  let dialog = await openExchange(page, 'authorization-code', 1, 2)
  await expect(dialog.getByRole('heading', { name: /POST .*token.* 400/ })).toBeVisible()
  await expect(dialog.getByLabel('DPoP proof header')).toContainText('"typ": "dpop+jwt"')
  await expect(dialog.getByLabel('DPoP proof header')).toContainText('"kty": "EC"')
  expect(await proofClaims(dialog)).toMatchObject({ htm: 'POST', htu: tokenUrl })
  await dialog.getByRole('button', { name: 'Close' }).click()
  dialog = await openExchange(page, 'authorization-code', 0, 2)
  await expect(dialog.getByRole('heading', { name: /POST .*token.* 200/ })).toBeVisible()
  expect(await proofClaims(dialog)).toMatchObject({ htm: 'POST', htu: tokenUrl, nonce: expect.any(String) })
  await expect(dialog.getByText(/"token_type": ?"DPoP"/).first()).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The token list keeps the binding; Refresh proves with the same key and gets DPoP-bound tokens again.
  const list = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('list', { name: 'Tokens obtained' })
  const codeTokens = list.getByRole('listitem').filter({ hasText: 'Authorization code' })
  await expect(codeTokens.getByRole('definition').filter({ hasText: /^DPoP \(DPoP-bound/ })).toBeVisible()
  await codeTokens.getByRole('button', { name: 'Refresh', exact: true }).click()
  await expect(codeTokens.getByText('New tokens issued')).toBeVisible()
  await expect(list.getByRole('listitem').first().getByRole('definition').filter({ hasText: /^DPoP \(DPoP-bound/ })).toBeVisible()
  // One exchange, or two if the nonce from the code exchange has expired meanwhile: the newest is the 200.
  dialog = await openNewestExchange(page, 'refresh', '200')
  expect(await proofClaims(dialog)).toMatchObject({ htm: 'POST', htu: tokenUrl, nonce: expect.any(String) })
})
