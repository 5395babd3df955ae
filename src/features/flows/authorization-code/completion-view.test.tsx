import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CompletionView } from './completion-view.tsx'

describe('CompletionView', () => {
  it('explains an error in the redirect like any other OAuth error: meaning, likely cause, and the description as inert text', () => {
    render(<CompletionView outcome={{ kind: 'error_redirect', error: 'access_denied', error_description: 'The user said no' }} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('access_denied (in the redirect)')
    expect(alert).toHaveTextContent('RFC 6749 §4.1.2.1')
    expect(alert).toHaveTextContent('Server says: The user said no')
    expect(alert).toHaveTextContent(/What it means:/)
  })

  it('shows a hostile redirect error escaped and clipped, and a script error_uri as text', () => {
    const description = `\u202Eevil${'x'.repeat(20_000)}`
    render(<CompletionView outcome={{ kind: 'error_redirect', error: 'bad\u202Eerror', error_description: description, error_uri: 'javascript:alert(1)' }} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('bad\\u{202E}error (in the redirect)')
    expect(alert).toHaveTextContent('\\u{202E}evil')
    expect(alert).toHaveTextContent('invisible control characters')
    expect(alert.textContent!.length).toBeLessThan(3_000)
    expect(screen.getByRole('button', { name: /Show all/ })).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('says which DPoP key the tokens are bound to, and warns when the server issued them unbound', () => {
    const tokens = (token_type: string) => ({ kind: 'tokens' as const, tokens: { access_token: 'at', token_type }, conformance: [], exchange: null })
    const { unmount } = render(<CompletionView outcome={{ kind: 'exchanged', outcome: tokens('DPoP'), idToken: null, dpop_jkt: 'jkt-1' }} />)
    expect(screen.getByText("Tokens bound to this browser's DPoP key").parentElement).toHaveTextContent('thumbprint jkt-1')
    unmount()
    render(<CompletionView outcome={{ kind: 'exchanged', outcome: tokens('Bearer'), idToken: null, dpop_jkt: 'jkt-1' }} />)
    const warning = screen.getAllByRole('status').find((status) => status.textContent?.includes('Tokens not DPoP-bound'))
    expect(warning).toHaveTextContent('token_type Bearer')
  })

  it('says which requested scopes were not granted, and that offline_access needs prompt=consent', () => {
    const outcome = { kind: 'tokens' as const, tokens: { access_token: 'at', token_type: 'Bearer', scope: 'openid' }, conformance: [], exchange: null }
    const scope = { notGranted: ['offline_access'], added: [], offlineAccessWithoutConsent: true }
    render(<CompletionView outcome={{ kind: 'exchanged', outcome, idToken: null, dpop_jkt: null, scope }} />)
    const notice = screen.getAllByRole('status').find((status) => status.textContent?.includes('Scope differs from the request'))
    expect(notice).toHaveTextContent('Not granted: "offline_access".')
    expect(notice).toHaveTextContent('prompt=consent (OIDC Core §11)')
  })

  it('says nothing about scope when it was granted as asked', () => {
    const outcome = { kind: 'tokens' as const, tokens: { access_token: 'at', token_type: 'Bearer', scope: 'openid' }, conformance: [], exchange: null }
    render(<CompletionView outcome={{ kind: 'exchanged', outcome, idToken: null, dpop_jkt: null, scope: null }} />)
    expect(screen.queryByText('Scope differs from the request')).toBeNull()
  })
})
