import { chromium, expect, test } from '@playwright/test'
import { E2E_CONSOLE_INSECURE_HOST, E2E_CONSOLE_INSECURE_ORIGIN } from './servers.ts'
import { discover, requestDcrToken } from './walkthrough.ts'

test('over plain http from a name that is not localhost: Copy works without the Clipboard API, PKCE without Web Crypto, and DPoP says why it is off', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${E2E_CONSOLE_INSECURE_HOST} 127.0.0.1`],
  })
  try {
    const page = await browser.newPage()
    await page.goto(`${E2E_CONSOLE_INSECURE_ORIGIN}/`)
    // Not a secure context: the page cannot use navigator.clipboard at all.
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, clipboard: 'clipboard' in navigator && !!navigator.clipboard }))).toEqual({
      secure: false,
      clipboard: false,
    })
    await discover(page)
    await requestDcrToken(page)

    const step = page.getByRole('region', { name: 'Client Credentials' })
    const token = (await step.getByLabel('Access token', { exact: true }).textContent()) ?? ''
    expect(token.length).toBeGreaterThan(10)
    await step.getByRole('button', { name: 'Copy access token' }).click()
    await expect(step.getByRole('button', { name: 'Copy access token' })).toHaveText(/Copied/)

    // What was copied pastes back where a person would paste it.
    const paste = page.getByLabel('Paste a token')
    await paste.focus()
    await page.keyboard.press('Control+V')
    await expect(paste).toHaveValue(token)

    // Nor is there Web Crypto: PKCE's S256 challenge is computed in script, and DPoP says why it is off
    // instead of breaking the step.
    const authorization = page.getByRole('region', { name: 'Authorization Code' })
    await expect(authorization.getByLabel('Authorization URL')).toContainText(/code_challenge=[\w-]{43}&code_challenge_method=S256/)
    const dpop = step.getByRole('checkbox', { name: 'Use DPoP' })
    await expect(dpop).toBeDisabled()
    await expect(dpop).toHaveAccessibleDescription(/needs the browser's Web Crypto API/)
    await expect(step.getByRole('button', { name: 'Request token' })).toBeEnabled()
  } finally {
    await browser.close()
  }
})
