import * as oauth from 'oauth4webapi'
import { clipText, escapeInvisible } from './visible-text.ts'

/** Stable codes for an authorization response the console refuses to use. */
export type CallbackRefusalCode =
  | 'ERR_STATE_MISSING'
  | 'ERR_STATE_MISMATCH'
  | 'ERR_ISS_MISMATCH'
  | 'ERR_CODE_MISSING'
  | 'ERR_RESPONSE_INVALID'

/**
 * What came back to the redirect URI: a code to exchange (its parameters as oauth4webapi checked them), an
 * error the server redirected with, or a reply refused before anything is sent.
 */
export type CallbackOutcome =
  | { kind: 'code'; code: string; parameters: URLSearchParams; iss: string | null }
  | { kind: 'error_redirect'; error: string; error_description?: string; error_uri?: string }
  | { kind: 'refused'; code: CallbackRefusalCode; message: string }

export interface ExpectedCallback {
  issuer: string
  client_id: string
  /** The state sent with the authorization request. */
  state: string
}

/** A value from the redirect as it may be shown: invisible characters escaped, and short. */
function shown(text: string): string {
  return clipText(escapeInvisible(text).text, 60)
}

function refused(code: CallbackRefusalCode, message: string): CallbackOutcome {
  return { kind: 'refused', code, message }
}


/**
 * Reads the authorization response at the redirect URI. `state` is checked first, so neither a code nor an
 * error can be injected from another request (RFC 6749 §10.12); `iss`, when the server sends it, must be the
 * issuer the request went to (RFC 9207 §2.4); then an `error` is reported as the server sent it, and a
 * success must carry `code`. RFC 6749 §4.1.2.
 */
export function parseCallback(callback: URL | URLSearchParams, expected: ExpectedCallback): CallbackOutcome {
  const parameters = callback instanceof URL ? callback.searchParams : callback
  const state = parameters.get('state')
  if (state === null) {
    return refused('ERR_STATE_MISSING', `"state" is missing from the redirect: expected the value this console sent ("${shown(expected.state)}")`)
  }
  if (state !== expected.state) {
    return refused(
      'ERR_STATE_MISMATCH',
      `"state" does not match: expected "${shown(expected.state)}", got "${shown(state)}". The reply may belong to another request, or be forged (cross-site request forgery)`,
    )
  }
  const iss = parameters.get('iss')
  if (iss !== null && iss !== expected.issuer) {
    return refused(
      'ERR_ISS_MISMATCH',
      `"iss" does not match: expected "${shown(expected.issuer)}", got "${shown(iss)}". The reply comes from another authorization server (mix-up attack, RFC 9207)`,
    )
  }
  const error = parameters.get('error')
  if (error !== null) {
    const description = parameters.get('error_description')
    const uri = parameters.get('error_uri')
    return {
      kind: 'error_redirect',
      error,
      ...(description !== null ? { error_description: description } : {}),
      ...(uri !== null ? { error_uri: uri } : {}),
    }
  }
  const code = parameters.get('code')
  if (code === null || code === '') {
    return refused('ERR_CODE_MISSING', '"code" is missing from the redirect: expected an authorization code or an error')
  }
  try {
    const as: oauth.AuthorizationServer = { issuer: expected.issuer }
    const checked = oauth.validateAuthResponse(as, { client_id: expected.client_id }, parameters, expected.state)
    return { kind: 'code', code, parameters: checked, iss }
  } catch (error) {
    return refused('ERR_RESPONSE_INVALID', error instanceof Error ? error.message : 'the authorization response is not usable')
  }
}
