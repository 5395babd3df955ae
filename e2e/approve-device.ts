import { expect, type Browser } from '@playwright/test'

/**
 * The user's side of the device flow, on "another device": a fresh browser context opens the
 * verification URI, signs in to the sandbox as demo and approves (or denies).
 */
export async function answerOnSecondDevice(browser: Browser, verificationUri: string, answer: 'Approve' | 'Deny', userCode?: string) {
  const context = await browser.newContext()
  const phone = await context.newPage()
  await phone.goto(verificationUri)
  // Without verification_uri_complete the person types the code they were shown.
  if (userCode) await phone.getByLabel('User code').fill(userCode)
  await expect(phone.getByLabel('User code')).not.toHaveValue('')
  await phone.getByRole('button', { name: 'Continue' }).click()
  await phone.getByLabel('Username').fill('demo')
  await phone.getByLabel('Password').fill('demo')
  await phone.getByRole('button', { name: 'Sign in' }).click()
  await phone.getByRole('button', { name: answer }).click()
  await expect(phone.getByRole('heading', { name: answer === 'Approve' ? 'Device approved' : 'Request denied' })).toBeVisible()
  await context.close()
}
