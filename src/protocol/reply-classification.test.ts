import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import type { HttpExchange, RecordedResponse } from './http-exchange.ts'
import { fromLibraryError } from './library-error.ts'
import { classifyErrorReply } from './reply-classification.ts'
import { jsonReply, textReply } from './scripted-fetch.ts'
import { TransportError } from './transport-failure.ts'

function reply(status: number, body: string, headers: Record<string, string> = {}): RecordedResponse {
  return { status, statusText: '', headers: Object.entries(headers).map(([name, value]) => ({ name, value })), body }
}

function exchangeOf(response: RecordedResponse | null): HttpExchange {
  return {
    id: 'ex', step: 'client-credentials', startedAt: 0, durationMs: 1,
    request: { method: 'POST', url: 'https://as.example/token', headers: [], body: 'grant_type=client_credentials' },
    response, failure: null,
  }
}

async function libraryError(response: Response): Promise<unknown> {
  const as = { issuer: 'https://as.example', token_endpoint: 'https://as.example/token' }
  return oauth.processClientCredentialsResponse(as, { client_id: 'c' }, response).then(
    () => { throw new Error('expected the library to refuse the reply') },
    (error: unknown) => error,
  )
}

describe('classifyErrorReply', () => {
  const json = { 'content-type': 'application/json' }

  it('reads an OAuth error body with its description and URI', () => {
    const body = '{"error":"invalid_scope","error_description":"scope x is unknown","error_uri":"https://as.example/e"}'
    expect(classifyErrorReply(reply(400, body, json), null)).toEqual({
      kind: 'oauth_error', status: 400, error: 'invalid_scope', error_description: 'scope x is unknown',
      error_uri: 'https://as.example/e', exchange: null,
    })
  })

  it('reads an OAuth error body from a 500 too', () => {
    expect(classifyErrorReply(reply(500, '{"error":"server_error"}', json), null)).toEqual({
      kind: 'oauth_error', status: 500, error: 'server_error', exchange: null,
    })
  })

  it('ignores error_description and error_uri that are not strings', () => {
    expect(classifyErrorReply(reply(400, '{"error":"invalid_request","error_description":7,"error_uri":null}'), null)).toEqual({
      kind: 'oauth_error', status: 400, error: 'invalid_request', exchange: null,
    })
  })

  it('reads the error from WWW-Authenticate when a 401 has no body', () => {
    const headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The token \\"expired\\""' }
    expect(classifyErrorReply(reply(401, '', headers), null)).toEqual({
      kind: 'oauth_error', status: 401, error: 'invalid_token', error_description: 'The token "expired"', exchange: null,
    })
  })

  it('reads an unquoted error from WWW-Authenticate given as a Headers object', () => {
    const headers = new Headers({ 'www-authenticate': 'Bearer error=insufficient_scope, scope="read"' })
    expect(classifyErrorReply({ status: 403, headers, body: '' }, null)).toEqual({
      kind: 'oauth_error', status: 403, error: 'insufficient_scope', exchange: null,
    })
  })

  it('prefers the body error over the WWW-Authenticate challenge', () => {
    const headers = { 'www-authenticate': 'Basic realm="as"', 'content-type': 'application/json' }
    const classified = classifyErrorReply(reply(401, '{"error":"invalid_client"}', headers), null)
    expect(classified).toMatchObject({ kind: 'oauth_error', error: 'invalid_client' })
  })

  it.each([
    ['', 'an empty body', null],
    ['  \n', 'an empty body', null],
    ['<!DOCTYPE html><html><body>Bad gateway</body></html>', 'an HTML page', null],
    ['<h1>Bad gateway</h1>', 'an HTML page', 'text/html; charset=utf-8'],
    ['{"', 'a body that is not JSON', 'application/json'],
    ['Internal error', 'a body that is not JSON', 'text/plain'],
    ['null', 'JSON that is not an object', 'application/json'],
    ['[]', 'JSON that is not an object', 'application/json'],
    ['"error"', 'JSON that is not an object', 'application/json'],
    ['{}', 'a JSON object without an "error" string', 'application/json'],
    ['{"error":""}', 'a JSON object without an "error" string', 'application/json'],
    ['{"error":{"code":42}}', 'a JSON object without an "error" string', 'application/json'],
  ])('says a %j body is %s', (body, reason, contentType) => {
    const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {}
    expect(classifyErrorReply(reply(502, body, headers), null)).toEqual({
      kind: 'not_oauth', status: 502, contentType, reason, exchange: null,
    })
  })

  it('says a 3xx or an opaque redirect is a redirect', () => {
    expect(classifyErrorReply(reply(302, '', { location: 'https://login.example' }), null)).toMatchObject({ reason: 'a redirect' })
    expect(classifyErrorReply(reply(0, ''), null)).toMatchObject({ kind: 'not_oauth', reason: 'a redirect' })
  })

  it('carries the exchange it was given', () => {
    const exchange = exchangeOf(reply(400, '{"error":"invalid_request"}'))
    expect(classifyErrorReply(reply(400, '{"error":"invalid_request"}'), exchange)).toMatchObject({ exchange })
  })
})

describe('fromLibraryError', () => {
  it('maps a ResponseBodyError to a plain oauth_error without the library object', async () => {
    const error = await libraryError(jsonReply({ error: 'invalid_scope', error_description: 'no', error_uri: 'https://e' }, 400))
    expect(error).toBeInstanceOf(oauth.ResponseBodyError)
    const mapped = fromLibraryError(error, null)
    expect(mapped).toEqual({
      kind: 'oauth_error', status: 400, error: 'invalid_scope', error_description: 'no', error_uri: 'https://e', exchange: null,
    })
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype)
  })

  it('classifies from the recorded reply when there is one, since oauth4webapi reads only 4xx JSON bodies', async () => {
    const recorded = reply(503, '{"error":"temporarily_unavailable"}', { 'content-type': 'application/json' })
    const error = await libraryError(textReply(recorded.body, 503, { 'content-type': 'application/json' }))
    expect(error).toBeInstanceOf(oauth.OperationProcessingError)
    const exchange = exchangeOf(recorded)
    expect(fromLibraryError(error, exchange)).toEqual({
      kind: 'oauth_error', status: 503, error: 'temporarily_unavailable', exchange,
    })
  })

  it('maps a WWWAuthenticateChallengeError with an error parameter to oauth_error when nothing was recorded', async () => {
    const error = await libraryError(textReply('', 401, { 'www-authenticate': 'Bearer error="invalid_token", error_uri="https://e"' }))
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError)
    expect(fromLibraryError(error, null)).toEqual({
      kind: 'oauth_error', status: 401, error: 'invalid_token', error_uri: 'https://e', exchange: null,
    })
  })

  it('maps a refused 200 reply to conformance with the library message and code', async () => {
    const error = await libraryError(jsonReply({ token_type: 'Bearer' }))
    expect(fromLibraryError(error, exchangeOf(reply(200, '{"token_type":"Bearer"}')))).toEqual({
      kind: 'conformance',
      message: '"response" body "access_token" property must be a string',
      code: 'OAUTH_INVALID_RESPONSE',
    })
  })

  it('maps an unsupported token_type to conformance', async () => {
    const error = await libraryError(jsonReply({ access_token: 'a', token_type: 'mac' }))
    expect(fromLibraryError(error, null)).toEqual({
      kind: 'conformance', message: 'unsupported `token_type` value', code: 'OAUTH_UNSUPPORTED_OPERATION',
    })
  })

  it('maps an http endpoint refused before sending to invalid_input', async () => {
    const as = { issuer: 'http://as.example', token_endpoint: 'http://as.example/token' }
    const error = await oauth
      .clientCredentialsGrantRequest(as, { client_id: 'c' }, oauth.None(), {})
      .catch((caught: unknown) => caught)
    expect(fromLibraryError(error, null)).toEqual({ kind: 'invalid_input', message: 'only requests to HTTPS are allowed' })
  })

  it('maps an oauth4webapi argument TypeError to invalid_input', () => {
    const error = (() => {
      try {
        oauth.ClientSecretBasic('')
      } catch (caught) {
        return caught
      }
    })()
    expect(fromLibraryError(error, null)).toEqual({ kind: 'invalid_input', message: '"clientSecret" must not be empty' })
  })

  it('maps a TransportError to transport with its own exchange', () => {
    const exchange = exchangeOf(null)
    const failure = { kind: 'network', message: 'No response' } as const
    expect(fromLibraryError(new TransportError(failure, exchange), null)).toEqual({ kind: 'transport', failure, exchange })
  })

  it('maps anything else to conformance with its message only', () => {
    expect(fromLibraryError(new RangeError('odd'), null)).toEqual({ kind: 'conformance', message: 'odd' })
    expect(fromLibraryError('a string', null)).toEqual({ kind: 'conformance', message: 'an unexpected failure' })
  })
})
