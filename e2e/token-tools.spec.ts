import { expect, test, type Locator } from '@playwright/test'
import { answerOnSecondDevice } from './approve-device.ts'
import { poll, walkToDeviceCode } from './walkthrough.ts'

/** The same JWT with one claim changed and the original signature kept: what an attacker would try. */
function tamperedCopy(jwt: string) {
  const [header = '', payload = '', signature = ''] = jwt.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  claims.sub = 'someone-else'
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.')
}

async function click(scope: Locator, name: string) {
  await scope.getByRole('button', { name, exact: true }).click()
}

test('tokens from a device flow are decoded, verified, introspected, refreshed, revoked and used at userinfo', async ({ page, browser }) => {
  await page.goto('/')
  const verificationUriComplete = await walkToDeviceCode(page, { scope: 'openid offline_access' })
  await answerOnSecondDevice(browser, verificationUriComplete, 'Approve')
  const pollStep = page.getByRole('region', { name: 'Poll' })
  await expect(pollStep.getByText('Ready to poll')).toBeVisible()
  await poll(page)
  await expect(pollStep.getByText('Tokens issued')).toBeVisible()

  const tokens = page.getByRole('region', { name: 'Tokens', exact: true })
  const list = tokens.getByRole('list', { name: 'Tokens obtained' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  const deviceTokens = list.getByRole('listitem').filter({ hasText: 'Device flow' })

  // The ID token is a JWT: decoded, its times shown, valid now, and its signature checks out against the JWKS.
  const idToken = deviceTokens.getByRole('group', { name: 'ID token' })
  await expect(idToken.getByLabel('ID token claims')).toContainText('"sub"')
  await expect(idToken.getByLabel('ID token times')).toContainText('exp')
  await expect(idToken.getByText('valid', { exact: true })).toBeVisible()
  await click(idToken, 'Verify signature')
  await expect(idToken.getByText('Signature verified')).toBeVisible()
  await expect(idToken).toContainText(/Verified with kid \S+ \(.+\) using (RS|PS|ES|Ed)\w*/)
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('list', { name: 'Exchanges' })).toContainText('JWKS')

  // The same token with a changed claim fails.
  const jwt = (await idToken.getByLabel('ID token value').textContent()) ?? ''
  const pasted = tokens.getByRole('group', { name: 'Pasted token' })
  await pasted.getByLabel('Paste a token').fill(tamperedCopy(jwt))
  await click(pasted, 'Decode')
  await expect(pasted.getByLabel('Pasted token claims')).toContainText('someone-else')
  await click(pasted, 'Verify signature')
  await expect(pasted.getByRole('alert')).toContainText('Signature check failed')
  await expect(pasted.getByRole('alert')).toContainText('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')

  // The access token is opaque here; the server says what it stands for.
  const accessToken = deviceTokens.getByRole('group', { name: 'Access token' })
  await click(accessToken, 'Introspect')
  await expect(accessToken.getByText('Active token')).toBeVisible()
  await expect(accessToken.getByLabel('Introspection result')).toContainText('"active": true')

  // Userinfo with the access token: the demo user's subject.
  await click(deviceTokens, 'Userinfo')
  await expect(deviceTokens.getByLabel('Userinfo claims')).toContainText('"sub"')

  // Refresh: new tokens join the list.
  await click(deviceTokens, 'Refresh')
  await expect(deviceTokens.getByText('New tokens issued')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(list.getByRole('listitem').first()).toContainText('Refresh')

  // Revoke the access token; introspection then reports it inactive.
  await click(accessToken, 'Revoke')
  await expect(accessToken.getByText('Revoked', { exact: true })).toBeVisible()
  await click(accessToken, 'Introspect')
  await expect(accessToken.getByText('Inactive token')).toBeVisible()
  await expect(accessToken.getByLabel('Introspection result')).toContainText('"active": false')

  // Every action is on the record.
  const log = page.getByRole('complementary', { name: 'HTTP log' })
  for (const step of ['introspection', 'refresh', 'revocation', 'userinfo', 'jwks']) {
    await log.getByLabel('Step').selectOption(step)
    await expect(log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem').first()).toBeVisible()
  }
})
