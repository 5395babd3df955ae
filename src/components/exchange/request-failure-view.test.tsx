import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RequestFailureView } from './request-failure-view.tsx'
import { SecretMaskingContext } from '../ui/secret-masking.ts'

describe('RequestFailureView', () => {
  it('shows the OAuth error code, the server description, what the code means and the hint for unauthorized_client', () => {
    render(
      <RequestFailureView
        failure={{ kind: 'oauth_error', status: 400, error: 'unauthorized_client', error_description: 'grant not allowed', exchange: null }}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('unauthorized_client (HTTP 400)')
    expect(alert).toHaveTextContent('Server says: grant not allowed')
    expect(alert).toHaveTextContent(/What it means:.+RFC 6749/)
    expect(alert).toHaveTextContent('Enable the grant type')
  })

  it('explains an error as it is meant in the step whose exchange got it: invalid_token at RFC 7592 is the registration access token', () => {
    const exchange = {
      id: 'x', step: 'client-management' as const, startedAt: 0, durationMs: 1, failure: null,
      request: { method: 'GET', url: 'https://as.example/register/c1', headers: [], body: null },
      response: { status: 401, statusText: 'Unauthorized', headers: [], body: '{"error":"invalid_token"}' },
    }
    render(<RequestFailureView failure={{ kind: 'oauth_error', status: 401, error: 'invalid_token', exchange }} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(/What it means: The server refused the registration access token.+RFC 7592 §2\.1/)
    expect(alert).not.toHaveTextContent('Get a fresh access token')
  })

  it('explains a CORS refusal with the origin the server must allow', () => {
    render(
      <RequestFailureView
        failure={{ kind: 'transport', failure: { kind: 'cors', message: 'The browser refused the reply.' }, exchange: null }}
      />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Blocked by CORS')
    expect(screen.getByRole('alert')).toHaveTextContent(window.location.origin)
  })

  it("says once that the origin is not allowed when the console's own diagnosis already names it", () => {
    const message = `https://as.example answered, but the browser withheld the response because the server did not allow this console's origin ${window.location.origin} (CORS). Add it to the server's allowed origins.`
    render(<RequestFailureView failure={{ kind: 'transport', failure: { kind: 'cors', message }, exchange: null }} />)
    expect(screen.getByRole('alert').textContent?.split(window.location.origin)).toHaveLength(2)
  })

  it("masks a secret the message quotes, as presentation mode masks it everywhere: a redirect's code", () => {
    const message = 'https://as.example answered with HTTP 302 to https://as.example/login?code=SECRETCODE123, not followed.'
    render(
      <SecretMaskingContext.Provider value={{ presentation: true, redact: (text) => text.replaceAll('SECRETCODE123', '••••••'), revealMs: 5_000 }}>
        <RequestFailureView failure={{ kind: 'transport', failure: { kind: 'redirect', message }, exchange: null }} />
      </SecretMaskingContext.Provider>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('login?code=••••••, not followed')
    expect(screen.getByRole('alert')).not.toHaveTextContent('SECRETCODE123')
  })

  it('renders an error_uri that is not http(s) as plain text, never as a link', () => {
    render(
      <RequestFailureView
        failure={{ kind: 'oauth_error', status: 400, error: 'invalid_request', error_uri: 'javascript:alert(1)', exchange: null }}
      />,
    )
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.getByRole('alert')).toHaveTextContent('javascript:alert(1)')
  })

  it('says which kind of non-OAuth reply arrived', () => {
    render(
      <RequestFailureView
        failure={{ kind: 'not_oauth', status: 502, contentType: 'text/html', reason: 'an HTML page', exchange: null }}
      />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Not an OAuth reply (HTTP 502)')
    expect(screen.getByRole('alert')).toHaveTextContent('an HTML page (Content-Type: text/html)')
  })
})
