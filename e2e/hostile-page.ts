import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { E2E_HOSTILE } from './servers.ts'

declare global {
  interface Window {
    __hostileScriptRan?: number
  }
}

/** Fails the test on any dialog: a hostile reply must never get to run alert(). */
export function refuseDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    void dialog.dismiss()
    throw new Error(`a dialog opened: ${dialog.message()}`)
  })
}

/** No server text ever ran as script: the payloads set this global if they did. */
export async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => window.__hostileScriptRan)).toBeUndefined()
}

/** Points the active environment at one of the hostile server's scenarios and discovers it. */
export async function discoverScenario(page: Page, scenario: string) {
  const environment = page.getByRole('region', { name: 'Environment' })
  await environment.getByLabel('Issuer URL').fill(E2E_HOSTILE.issuer(scenario))
  await environment.getByRole('button', { name: 'Discover' }).click()
  await expect(environment.getByText('Endpoints discovered')).toBeVisible()
  await expect(environment.getByLabel('Token endpoint')).toHaveValue(new RegExp(`/s/${scenario}/token$`))
}

/** What reached the other origin's listener, other than CORS preflights. */
export async function requestsElsewhere(request: APIRequestContext, scenario: string) {
  const received = (await (await request.get(`${E2E_HOSTILE.origin}/__received`)).json()) as { listener: string; method: string; path: string }[]
  return received.filter((entry) => entry.listener === 'elsewhere' && entry.method !== 'OPTIONS' && entry.path.startsWith(`/s/${scenario}/`))
}

/** The page is still whole: its steps are there and a field still takes typing. */
export async function expectPageWorks(page: Page) {
  for (const name of ['Environment', 'Client Credentials', 'External API', 'Device Flow', 'Poll', 'Tokens']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible()
  }
  const scope = page.getByRole('region', { name: 'Device Flow' }).getByLabel('Scope')
  await scope.fill('still typing')
  await expect(scope).toHaveValue('still typing')
  await scope.fill('')
}
