import { describe, expect, it } from 'vitest'
import { diagnoseClientAuth, fixLabel, isClientAuthRefusal, type ClientAuthContext } from './client-auth-diagnosis.ts'
import type { HttpExchange } from './http-exchange.ts'
import type { RequestFailure } from './request-failure.ts'

/** A poll as the console records it, with the server's reply as it came over the wire. */
function recordedPoll(status: number, body: string, authorization: string | null, form: string): HttpExchange {
  return {
    id: 'x',
    step: 'device-poll',
    startedAt: 0,
    durationMs: 12,
    request: {
      method: 'POST',
      url: 'https://idsvr.example/oauth/v2/oauth-token',
      headers: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }, ...(authorization ? [{ name: 'authorization', value: authorization }] : [])],
      body: form,
    },
    response: { status, statusText: '', headers: body ? [{ name: 'content-type', value: 'application/json' }] : [], body },
    failure: null,
  }
}

function oauthError(status: number, error: string, error_description?: string, sentBasic = true): RequestFailure {
  const body = JSON.stringify(error_description ? { error, error_description } : { error })
  const exchange = recordedPoll(status, body, sentBasic ? 'Basic ZGV2aWNlOnNlY3JldA==' : null, 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc')
  return { kind: 'oauth_error', status, error, ...(error_description ? { error_description } : {}), exchange }
}

const basic: ClientAuthContext['sent'] = { auth: 'client_secret_basic', client_id_in_body: false }
const post: ClientAuthContext['sent'] = { auth: 'client_secret_post', client_id_in_body: false }
const withSecret = { secret: true, key: false }

describe('client authentication diagnosis', () => {
  it('Curity\'s "client_id is missing" on a Basic poll: send client_id in the body, or use client_secret_post', () => {
    const failure = oauthError(400, 'invalid_request', 'client_id is missing')
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, registered: 'client_secret_basic', has: withSecret })
    expect(diagnosis?.cause).toContain('wants client_id in the request body')
    expect(diagnosis?.fixes).toEqual([{ kind: 'client_id_in_body' }, { kind: 'use_method', method: 'client_secret_post' }])
    expect(diagnosis?.fixes.map((fix) => fixLabel(fix, 'Poll'))).toEqual(['Also send client_id in the body', 'Poll with client_secret_post'])
  })

  it('other wordings of a missing client_id are recognised too', () => {
    for (const description of ['Missing client_id', 'The client_id parameter is required', 'Request requires client_id']) {
      expect(isClientAuthRefusal(oauthError(400, 'invalid_request', description))).toBe(true)
    }
    expect(isClientAuthRefusal(oauthError(400, 'invalid_request', 'device_code is missing'))).toBe(false)
  })

  it('403 unauthorized_client after polling with post for a client registered with basic: poll with the registered method', () => {
    const failure = oauthError(403, 'unauthorized_client', 'The client is not authorized', false)
    const diagnosis = diagnoseClientAuth(failure, { sent: post, registered: 'client_secret_basic', has: withSecret })
    expect(diagnosis).toEqual({
      cause: 'This client registered token_endpoint_auth_method client_secret_basic, but the request authenticated with client_secret_post.',
      fixes: [{ kind: 'use_method', method: 'client_secret_basic' }],
    })
  })

  it('invalid_client for a method the server does not list: the supported ones the client can use', () => {
    const failure = oauthError(401, 'invalid_client', 'client authentication failed', false)
    const diagnosis = diagnoseClientAuth(failure, {
      sent: post,
      supported: ['client_secret_basic', 'private_key_jwt'],
      has: withSecret,
    })
    expect(diagnosis?.cause).toBe('The server does not support client_secret_post at its token endpoint; it lists client_secret_basic, private_key_jwt.')
    // No key here, so private_key_jwt is not offered.
    expect(diagnosis?.fixes).toEqual([{ kind: 'use_method', method: 'client_secret_basic' }])
  })

  it('a 401 with an empty body: refused without explanation, try the other secret method', () => {
    const failure: RequestFailure = {
      kind: 'not_oauth',
      status: 401,
      contentType: null,
      reason: 'an empty body',
      exchange: recordedPoll(401, '', 'Basic ZGV2aWNlOnNlY3JldA==', 'grant_type=client_credentials'),
    }
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, has: withSecret })
    expect(diagnosis?.cause).toContain('HTTP 401 and no explanation')
    expect(diagnosis?.fixes).toEqual([{ kind: 'use_method', method: 'client_secret_post' }])
  })

  it('an HTML 403 is no client authentication refusal (a gateway, not the server\'s verdict)', () => {
    const failure: RequestFailure = {
      kind: 'not_oauth',
      status: 403,
      contentType: 'text/html',
      reason: 'an HTML page',
      exchange: recordedPoll(403, '<html>Forbidden</html>', null, ''),
    }
    expect(diagnoseClientAuth(failure, { sent: basic, has: withSecret })).toBeNull()
  })

  it('invalid_client with the registered method and an empty secret: the secret was lost on reload', () => {
    const failure = oauthError(401, 'invalid_client')
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, registered: 'client_secret_basic', has: { secret: false, key: false } })
    expect(diagnosis?.cause).toContain('secret is empty')
    expect(diagnosis?.fixes).toEqual([])
  })

  it('invalid_client for a client sent as it registered: the server no longer knows it, and no method is offered', () => {
    const failure = oauthError(401, 'invalid_client', 'client authentication failed')
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, registered: 'client_secret_basic', has: withSecret })
    expect(diagnosis?.cause).toContain('so the method is not the problem')
    expect(diagnosis?.cause).toContain('register it again in the External API step')
    expect(diagnosis?.fixes).toEqual([])
    // Without a registration reply, the method is still the usual suspect.
    expect(diagnoseClientAuth(failure, { sent: basic, has: withSecret })?.fixes).toEqual([{ kind: 'use_method', method: 'client_secret_post' }])
  })

  it('invalid_client for a private_key_jwt client polled with Basic: use private_key_jwt when the key is here', () => {
    const failure = oauthError(401, 'invalid_client', 'the provided authentication mechanism does not match the registered client authentication method')
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, registered: 'private_key_jwt', has: { secret: false, key: true } })
    expect(diagnosis?.fixes).toEqual([{ kind: 'use_method', method: 'private_key_jwt' }])
  })

  it('invalid_client for none from a client with a secret: it must authenticate, with the secret methods the server lists', () => {
    const failure = oauthError(401, 'invalid_client', 'client authentication failed', false)
    const none: ClientAuthContext['sent'] = { auth: 'none', client_id_in_body: true }
    const diagnosis = diagnoseClientAuth(failure, { sent: none, has: withSecret })
    expect(diagnosis?.cause).toContain('sent no client credentials (none), but this client has them')
    expect(diagnosis?.fixes).toEqual([
      { kind: 'use_method', method: 'client_secret_basic' },
      { kind: 'use_method', method: 'client_secret_post' },
    ])
    expect(diagnoseClientAuth(failure, { sent: none, supported: ['client_secret_post', 'none'], has: withSecret })?.fixes).toEqual([
      { kind: 'use_method', method: 'client_secret_post' },
    ])
    // A public client registered as none is not told to authenticate.
    expect(diagnoseClientAuth(failure, { sent: none, registered: 'none', has: withSecret })?.cause).not.toContain('sent no client credentials')
  })

  it('unauthorized_client with the registered method is about the grant, and offers no auth fix', () => {
    const failure = oauthError(400, 'unauthorized_client', 'grant not allowed')
    const diagnosis = diagnoseClientAuth(failure, { sent: basic, registered: 'client_secret_basic', has: withSecret })
    expect(diagnosis?.cause).toContain('does not allow this client this grant type')
    expect(diagnosis?.fixes).toEqual([])
  })

  it('leaves other failures alone: pending, invalid_grant, a network failure', () => {
    expect(diagnoseClientAuth(oauthError(400, 'invalid_grant'), { sent: basic, has: withSecret })).toBeNull()
    expect(diagnoseClientAuth(oauthError(400, 'authorization_pending'), { sent: basic, has: withSecret })).toBeNull()
    expect(
      diagnoseClientAuth({ kind: 'transport', failure: { kind: 'network', message: 'offline' }, exchange: null }, { sent: basic, has: withSecret }),
    ).toBeNull()
  })
})
