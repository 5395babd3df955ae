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
  ])('explains %s with a short meaning and cites %s', (error, reference) => {
    const explanation = explainOAuthError(error)
    expect(explanation?.reference).toBe(reference)
    expect(explanation?.meaning.length).toBeGreaterThan(20)
    expect(explanation?.meaning.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1).length).toBeLessThanOrEqual(2)
  })

  it('suggests the other client authentication method for invalid_client', () => {
    expect(explainOAuthError('invalid_client')?.hint).toBe(
      'Try the other client authentication method: some servers accept only client_secret_post or only client_secret_basic',
    )
  })

  it('returns null for unknown codes and for object property names', () => {
    expect(explainOAuthError('made_up_error')).toBeNull()
    expect(explainOAuthError('toString')).toBeNull()
    expect(explainOAuthError('__proto__')).toBeNull()
  })
})
