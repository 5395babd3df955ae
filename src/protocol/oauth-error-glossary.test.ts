import { describe, expect, it } from 'vitest'
import { explainOAuthError } from './oauth-error-glossary.ts'

describe('explainOAuthError', () => {
  it.each([
    ['invalid_request', 'RFC 6749 §5.2'],
    ['invalid_client', 'RFC 6749 §5.2'],
    ['invalid_grant', 'RFC 6749 §5.2'],
    ['unauthorized_client', 'RFC 6749 §5.2'],
    ['unsupported_grant_type', 'RFC 6749 §5.2'],
    ['invalid_scope', 'RFC 6749 §5.2'],
    ['access_denied', 'RFC 6749 §4.1.2.1, RFC 8628 §3.5'],
    ['unsupported_response_type', 'RFC 6749 §4.1.2.1'],
    ['server_error', 'RFC 6749 §4.1.2.1'],
    ['temporarily_unavailable', 'RFC 6749 §4.1.2.1'],
    ['authorization_pending', 'RFC 8628 §3.5'],
    ['slow_down', 'RFC 8628 §3.5'],
    ['expired_token', 'RFC 8628 §3.5'],
    ['invalid_token', 'RFC 6750 §3.1'],
    ['insufficient_scope', 'RFC 6750 §3.1'],
    ['invalid_redirect_uri', 'RFC 7591 §3.2.2'],
    ['invalid_client_metadata', 'RFC 7591 §3.2.2'],
    ['invalid_software_statement', 'RFC 7591 §3.2.2'],
    ['unapproved_software_statement', 'RFC 7591 §3.2.2'],
    ['unsupported_token_type', 'RFC 7009 §2.2.1'],
    ['invalid_dpop_proof', 'RFC 9449 §5'],
    ['use_dpop_nonce', 'RFC 9449 §8'],
    ['invalid_target', 'RFC 8707 §2, RFC 8693 §2.2.2'],
    ['login_required', 'OIDC Core §3.1.2.6'],
    ['consent_required', 'OIDC Core §3.1.2.6'],
    ['interaction_required', 'OIDC Core §3.1.2.6'],
    ['account_selection_required', 'OIDC Core §3.1.2.6'],
    ['invalid_request_uri', 'RFC 9126 §2.2, OIDC Core §3.1.2.6'],
    ['invalid_request_object', 'RFC 9101 §6.2, OIDC Core §3.1.2.6'],
    ['request_not_supported', 'OIDC Core §3.1.2.6'],
    ['request_uri_not_supported', 'OIDC Core §3.1.2.6'],
  ])('explains %s with a short meaning and cites %s', (error, reference) => {
    const explanation = explainOAuthError(error)
    expect(explanation?.reference).toBe(reference)
    expect(explanation?.meaning.length).toBeGreaterThan(20)
    expect(explanation?.meaning.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1).length).toBeLessThanOrEqual(2)
  })

  it("names a wrong authentication method as one cause of invalid_client, and leaves the advice to the step's diagnosis", () => {
    expect(explainOAuthError('invalid_client')?.meaning).toContain('an authentication method it is not registered for')
    expect(explainOAuthError('invalid_client')?.hint).toBeUndefined()
  })

  it('says what prompt=none has to do with login_required', () => {
    expect(explainOAuthError('login_required')?.meaning).toContain('prompt=none')
    expect(explainOAuthError('login_required')?.hint).toBe('Authorize without prompt=none, so the server may show its sign-in page.')
  })

  it.each([
    ['invalid_token', 'client-management', 'RFC 7592 §2.1, §2.3', /registration access token/],
    ['invalid_grant', 'authorization-code', 'RFC 6749 §4.1.3, RFC 7636 §4.6', /code_verifier does not match the code_challenge/],
    ['invalid_grant', 'refresh', 'RFC 6749 §6, §10.4', /already replaced by a newer one/],
    ['invalid_request', 'token-exchange', 'RFC 8693 §2.2.2', /subject_token_type/],
    ['access_denied', 'authorization-redirect', 'RFC 6749 §4.1.2.1', /declined on the server's consent page/],
  ] as const)('explains %s as it is meant at %s (%s)', (error, context, reference, meaning) => {
    const explanation = explainOAuthError(error, context)
    expect(explanation?.reference).toBe(reference)
    expect(explanation?.meaning).toMatch(meaning)
    expect(explanation).not.toEqual(explainOAuthError(error))
  })

  it('tells the RFC 7592 step to use the latest registration access token, not to get a fresh access token', () => {
    expect(explainOAuthError('invalid_token', 'client-management')?.hint).toBe(
      'Use the registration_access_token from the latest registration or update reply; a deleted client must be registered again.',
    )
    expect(explainOAuthError('invalid_token', 'external-api')).toEqual(explainOAuthError('invalid_token'))
  })

  it('returns null for unknown codes and for object property names', () => {
    expect(explainOAuthError('made_up_error')).toBeNull()
    expect(explainOAuthError('toString')).toBeNull()
    expect(explainOAuthError('__proto__')).toBeNull()
    expect(explainOAuthError('__proto__', 'client-management')).toBeNull()
    expect(explainOAuthError('toString', 'authorization-redirect')).toBeNull()
  })
})
