import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { sandboxPagePolicy } from './security-headers.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { createBrowserSession, heading, type Page } from './testing/browser-session.ts'
import { registerDeviceClient, startDeviceFlow } from './testing/oauth-requests.ts'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})

afterAll(() => sandbox.close())

/** The policy as directive -> sources. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

/** Every inline <style> of the page is allowed by a hash in style-src, and nothing else is inline. */
function expectHashedStylesOnly(page: Page) {
  const policy = directives(page.headers.get('content-security-policy'))
  const styles = [...page.html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css ?? '')
  expect(styles.length).toBeGreaterThan(0)
  for (const css of styles) {
    expect(policy.get('style-src')).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`)
  }
  expect(page.html).not.toMatch(/<script|\son[a-z]+=/i)
}

function expectPageHeaders(page: Page) {
  const policy = directives(page.headers.get('content-security-policy'))
  expect(page.headers.get('content-type')).toMatch(/^text\/html/)
  expect(page.headers.get('x-frame-options')).toBe('DENY')
  expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  expect(policy.get('default-src')).toEqual(["'none'"])
  expect(policy.get('script-src')).toEqual(["'self'"])
  expect(policy.get('base-uri')).toEqual(["'none'"])
  expectHashedStylesOnly(page)
}

describe('every page the sandbox sends carries CSP, X-Frame-Options and nosniff', () => {
  test('device pages: the user code page, and its re-render with an error', async () => {
    const browser = createBrowserSession()
    const userCode = await browser.open(`${sandbox.origin}${PATHS.deviceVerification}`)
    const unknownCode = await browser.submit(userCode, { user_code: 'BCDF-GHJK' })

    expect(heading(userCode)).toBe('Connect a device')
    expectPageHeaders(userCode)
    expect(directives(userCode.headers.get('content-security-policy')).get('form-action')).toEqual(["'self'"])
    expect(unknownCode.html).toContain('That code was not found')
    expectPageHeaders(unknownCode)
  })

  test("verification_uri_complete: oidc-provider's auto-submitting form runs by its hash, and only it", async () => {
    const client = await registerDeviceClient(sandbox.origin, { client_id: 'www', client_secret: 'Password1' })
    const device = await startDeviceFlow(sandbox.origin, client, 'openid')
    const response = await fetch(device.verification_uri_complete)
    const html = await response.text()
    const policy = directives(response.headers.get('content-security-policy'))
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, code]) => code ?? '')

    expect(scripts).toHaveLength(1)
    expect(policy.get('script-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  test("sign-in and consent: form-action allows the client's redirect_uri origin, where the last redirect lands", async () => {
    const browser = createBrowserSession()
    const authorize = new URL(`${sandbox.origin}${PATHS.authorization}`)
    authorize.search = new URLSearchParams({
      client_id: 'www',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:5173/callback',
      scope: 'openid',
    }).toString()

    const login = await browser.open(authorize.href)
    const consent = await browser.submit(login, { username: 'demo', password: 'demo' })

    for (const [page, title] of [
      [login, 'Sign in'],
      [consent, 'Allow www to access your account?'],
    ] as const) {
      expect(heading(page)).toBe(title)
      expectPageHeaders(page)
      expect(directives(page.headers.get('content-security-policy')).get('form-action')).toEqual(["'self'", 'http://127.0.0.1:5173'])
    }
  })

  test('error pages: an authorization request from an unknown client', async () => {
    const page = await createBrowserSession().open(`${sandbox.origin}${PATHS.authorization}?client_id=nobody&response_type=code`)

    expect(heading(page)).toBe('Something went wrong')
    expectPageHeaders(page)
  })

  test('JSON replies get the headers too: nosniff and a policy that lets nothing load', async () => {
    const response = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)

    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"])
  })
})

describe('sandboxPagePolicy', () => {
  test('a native app redirect_uri adds its private-use scheme; text that is no URL adds nothing', () => {
    expect(directives(sandboxPagePolicy('com.example.app:/callback')).get('form-action')).toEqual(["'self'", 'com.example.app:'])
    expect(directives(sandboxPagePolicy("x; script-src 'unsafe-inline'")).get('form-action')).toEqual(["'self'"])
    expect(directives(sandboxPagePolicy("https://rp.example/cb; script-src *")).get('form-action')).toEqual(["'self'", 'https://rp.example'])
  })
})
