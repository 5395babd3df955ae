import { describe, expect, test } from 'vitest'
import { consentPage, deviceApprovedPage, errorPage, loginPage, requestDeniedPage, userCodePage } from './interaction-pages.ts'

/** Label texts whose `for` points at an input that exists: what getByLabel() in the browser tests relies on. */
function labels(markup: string): string[] {
  return [...markup.matchAll(/<label for="([^"]+)">([^<]+)<\/label>/g)]
    .filter(([, id]) => new RegExp(`<input id="${id}"`).test(markup))
    .map(([, , text]) => text ?? '')
}

function buttons(markup: string): string[] {
  return [...markup.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map(([, text]) => text ?? '')
}

function headings(markup: string): string[] {
  return [...markup.matchAll(/<h1>([^<]+)<\/h1>/g)].map(([, text]) => text ?? '')
}

const HOSTILE = '<script>alert("x")</script>'

describe('accessible names the console browser tests look for', () => {
  test('user code page: input labelled "User code" and a "Continue" button', () => {
    const markup = userCodePage({ action: '/verify', xsrf: 'x' })

    expect(labels(markup)).toEqual(['User code'])
    expect(buttons(markup)).toEqual(['Continue'])
  })

  test('sign-in page: inputs labelled "Username" and "Password" and a "Sign in" button', () => {
    const markup = loginPage({ action: '/login', clientName: 'device-client' })

    expect(labels(markup)).toEqual(['Username', 'Password'])
    expect(buttons(markup)).toEqual(['Sign in'])
  })

  test('consent page: a heading naming the client, the scopes listed, "Deny" and "Approve" buttons', () => {
    const markup = consentPage({ action: '/consent', clientName: 'device-client', scopes: ['openid', 'read'] })

    expect(headings(markup)).toEqual(['Allow device-client to access your account?'])
    expect(markup).toContain('<code>openid</code>')
    expect(markup).toContain('<code>read</code>')
    expect(buttons(markup)).toEqual(['Deny', 'Approve'])
  })

  test('outcome pages: headings "Device approved" and "Request denied"', () => {
    expect(headings(deviceApprovedPage('device-client'))).toEqual(['Device approved'])
    expect(headings(requestDeniedPage())).toEqual(['Request denied'])
  })
})

describe('escaping', () => {
  test('a client name, user code, username and error text never become markup', () => {
    const pages = [
      userCodePage({ action: '/verify', xsrf: HOSTILE, userCode: HOSTILE, clientName: HOSTILE, error: HOSTILE }),
      loginPage({ action: '/login', clientName: HOSTILE, username: HOSTILE, error: HOSTILE }),
      consentPage({ action: '/consent', clientName: HOSTILE, scopes: [HOSTILE] }),
      deviceApprovedPage(HOSTILE),
      errorPage({ error: HOSTILE, error_description: HOSTILE }),
    ]

    for (const markup of pages) {
      expect(markup).not.toContain('<script>')
      expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    }
  })

  test('pages load nothing from elsewhere: no script, link or remote url()', () => {
    const markup = loginPage({ action: '/login', clientName: 'c' })

    expect(markup).not.toMatch(/<script|<link|url\(/)
  })
})
