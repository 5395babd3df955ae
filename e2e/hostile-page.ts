import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
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
  const received = (await (await request.get(`${E2E_HOSTILE.origin}/__received`)).json()) as { listener: string; method: string; path: string; authorization: string | null }[]
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

/** Typed by the person before any hostile server had its turn: every case checks it is still there. */
export const TYPED_NAME = 'Typed by hand: hostile lab'

export async function typeEnvironmentName(page: Page) {
  const name = page.getByRole('region', { name: 'Environment' }).getByLabel('Environment name')
  await name.fill(TYPED_NAME)
  await expect(name).toHaveValue(TYPED_NAME)
}

/**
 * One misbehaving-server case: its own assertions (a clear message), then what every case must
 * keep: no script ran, what the person typed is still there, the page is still whole.
 */
export async function hostileCase(page: Page, title: string, body: () => Promise<void>) {
  await test.step(title, async () => {
    await body()
    await expectNoScriptRan(page)
    await expect(page.getByRole('region', { name: 'Environment' }).getByLabel('Environment name')).toHaveValue(TYPED_NAME)
    await expect(page.getByRole('heading', { name: 'OAuth Console', level: 1 })).toBeVisible()
  })
}

/** Points the active environment at a scenario without waiting for discovery to succeed. */
export async function fillIssuer(page: Page, scenario: string) {
  await page.getByRole('region', { name: 'Environment' }).getByLabel('Issuer URL').fill(E2E_HOSTILE.issuer(scenario))
}

/** The newest entry of the token list (it lists newest first). */
export function newestToken(page: Page) {
  return page
    .getByRole('list', { name: 'Tokens obtained' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Userinfo' }) })
    .first()
}

/** What reached the hostile server itself under a scenario, other than CORS preflights. */
export async function requestsTo(request: APIRequestContext, scenario: string) {
  const received = (await (await request.get(`${E2E_HOSTILE.origin}/__received`)).json()) as { listener: string; method: string; path: string; authorization: string | null }[]
  return received.filter((entry) => entry.listener === 'hostile' && entry.method !== 'OPTIONS' && entry.path.startsWith(`/s/${scenario}/`))
}
