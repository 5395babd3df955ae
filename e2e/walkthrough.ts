import { expect, type Page } from '@playwright/test'
import { expectQrCodeOf } from './qr-code.ts'

/** Steps shared by the journeys, each as a person would do it, through accessible names only. */
export async function discover(page: Page, issuer?: string) {
  const environment = page.getByRole('region', { name: 'Environment' })
  if (issuer) await environment.getByLabel('Issuer URL').fill(issuer)
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Endpoints discovered')).toBeVisible()
}

export async function requestDcrToken(page: Page) {
  const step = page.getByRole('region', { name: 'Client Credentials' })
  await expect(step.getByLabel('Scope')).toHaveValue('dcr')
  await step.getByRole('button', { name: 'Request token' }).click()
  await expect(step.getByText('Token issued')).toBeVisible()
}

export async function registerDeviceClient(page: Page) {
  const step = page.getByRole('region', { name: 'External API' })
  await step.getByRole('button', { name: 'Send request' }).click()
  await expect(step.getByText('201 Created', { exact: true })).toBeVisible()
  await step.getByRole('button', { name: 'Use as device client' }).click()
  await expect(step.getByText(/the Device Flow step now uses it/)).toBeVisible()
}

/** Starts the device flow, checks that its QR code scans as the complete verification URI, and returns that URI. */
export async function startDeviceFlow(page: Page, scope = '') {
  const step = page.getByRole('region', { name: 'Device Flow' })
  await expect(step.getByLabel('Client', { exact: true })).toContainText('device-client')
  if (scope) await step.getByLabel('Scope').fill(scope)
  await step.getByRole('button', { name: 'Start device flow' }).click()
  await expect(step.getByLabel('User code')).toHaveText(/\S+/)
  const link = step.getByRole('link', { name: /user_code=/ })
  const uri = (await link.getAttribute('href')) ?? ''
  await expectQrCodeOf(step.getByRole('img', { name: 'QR code' }), uri)
  return uri
}

export async function poll(page: Page) {
  const step = page.getByRole('region', { name: 'Poll' })
  await step.getByRole('button', { name: 'Poll', exact: true }).click()
  return step
}

/** Steps 1 to 3 of the tutorial in one go, for journeys about what comes after; returns the QR code's URI. */
export async function walkToDeviceCode(page: Page, options: { issuer?: string; scope?: string } = {}) {
  await discover(page, options.issuer)
  await requestDcrToken(page)
  await registerDeviceClient(page)
  return startDeviceFlow(page, options.scope)
}

/** The sandbox's sign-in and consent pages, as the person sees them after Authorize. */
export async function signInAndAnswer(page: Page, answer: 'Approve' | 'Deny') {
  await page.getByLabel('Username').fill('demo')
  await page.getByLabel('Password').fill('demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: answer }).click()
}
