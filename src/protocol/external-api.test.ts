import { describe, expect, it } from 'vitest'
import { sendApiRequest, type ApiRequestInput } from './external-api.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'

function send(replies: Parameters<typeof scriptedFetch>, overrides: Partial<ApiRequestInput> = {}) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  const outcome = sendApiRequest({
    method: 'POST',
    url: 'https://as.example/register',
    headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }],
    body: '{"software_id":"device-client"}',
    bearer: 'at-1',
    record: log.record,
    baseFetch,
    ...overrides,
  })
  return { outcome, sent: baseFetch.sent, exchanges: log.exchanges }
}

describe('sendApiRequest', () => {
  it('sends the body, enabled headers and the bearer token, and returns the parsed JSON reply', async () => {
    const { outcome, sent, exchanges } = send([jsonReply({ client_id: 'c-1' }, 201, { location: '/register/c-1' })], {
      headers: [
        { name: 'Content-Type', value: 'application/json', enabled: true },
        { name: 'X-Off', value: '1', enabled: false },
      ],
    })
    const result = await outcome
    expect(result).toEqual({
      kind: 'response', status: 201, statusText: '',
      headers: [{ name: 'content-type', value: 'application/json' }, { name: 'location', value: '/register/c-1' }],
      body: '{"client_id":"c-1"}', json: { client_id: 'c-1' }, exchange: exchanges[0],
    })
    expect(sent[0]?.method).toBe('POST')
    expect(sent[0]?.body).toBe('{"software_id":"device-client"}')
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer at-1')
    expect(sent[0]?.headers.has('x-off')).toBe(false)
    expect(exchanges[0]?.step).toBe('external-api')
    expect(exchanges[0]?.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: 'Bearer at-1' },
    ])
  })

  it('keeps an Authorization header row instead of the bearer token', async () => {
    const { outcome, sent } = send([textReply('')], {
      headers: [{ name: 'authorization', value: 'Basic abc', enabled: true }],
    })
    await outcome
    expect(sent[0]?.headers.get('authorization')).toBe('Basic abc')
  })

  it('sends no Authorization header without a bearer token', async () => {
    const { outcome, sent } = send([textReply('')], { bearer: null })
    await outcome
    expect(sent[0]?.headers.has('authorization')).toBe(false)
  })

  it('sends no body with GET or HEAD', async () => {
    const { outcome, sent } = send([textReply(''), textReply('')], { method: 'get' })
    await outcome
    expect(sent[0]?.method).toBe('GET')
    expect(sent[0]?.body).toBeNull()
    const head = send([textReply('')], { method: 'HEAD' })
    await head.outcome
    expect(head.sent[0]?.body).toBeNull()
  })

  it('reports error statuses as responses, with json undefined for a non-JSON body', async () => {
    const { outcome } = send([textReply('<html>Forbidden</html>', 403, { 'content-type': 'text/html' })])
    expect(await outcome).toMatchObject({ kind: 'response', status: 403, body: '<html>Forbidden</html>', json: undefined })
  })

  it('returns invalid_input naming the url when it is not a URL, without sending', async () => {
    const { outcome, sent } = send([], { url: '/register' })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'url',
      message: '"URL" is not a valid URL: expected an absolute http:// or https:// URL, got "/register"',
    })
    expect(sent).toHaveLength(0)
  })

  it('returns invalid_input naming the method when it is not a token', async () => {
    expect(await send([], { method: 'GET /' }).outcome).toEqual({
      kind: 'invalid_input', field: 'method', message: '"method" is not an HTTP method: got "GET /"',
    })
  })

  it('returns invalid_input naming a header that cannot be sent', async () => {
    expect(await send([], { headers: [{ name: 'Bad Name', value: 'x', enabled: true }] }).outcome).toEqual({
      kind: 'invalid_input', field: 'headers',
      message: 'Header "Bad Name" cannot be sent: a name must be a token and a value must not contain line breaks',
    })
  })

  it('returns transport with the recorded exchange when the browser refuses the response', async () => {
    const { outcome, exchanges } = send([new TypeError('Failed to fetch'), textReply('')])
    const result = await outcome
    expect(result).toMatchObject({ kind: 'transport', failure: { kind: 'cors' } })
    expect(result.kind === 'transport' && result.exchange).toBe(exchanges[0])
  })
})

describe('sendApiRequest credentials', () => {
  it('refuses to send a DPoP-bound token as Bearer, sending nothing', async () => {
    const baseFetch = scriptedFetch()
    const outcome = await sendApiRequest({
      method: 'GET', url: 'https://as.example/me', headers: [], body: null, bearer: 'dpop-token', bearer_token_type: 'DPoP',
      record: () => {}, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'invalid_input', field: 'bearer', message: expect.stringContaining('token_type is DPoP') })
    expect(baseFetch.sent).toHaveLength(0)
  })

  it('keeps a Bearer token off an unconfirmed origin, naming it for the confirmation button', async () => {
    const baseFetch = scriptedFetch()
    const outcome = await sendApiRequest({
      method: 'POST', url: 'https://evil.example/register', headers: [], body: '{}', bearer: 'at',
      trust: { issuer: 'https://as.example' }, record: () => {}, baseFetch,
    })
    expect(outcome).toMatchObject({ kind: 'invalid_input', field: 'url', unconfirmed_origin: 'https://evil.example' })
    expect(baseFetch.sent).toHaveLength(0)
  })

  it('reports a Bearer token with characters outside Latin-1 as an invalid header, not CORS', async () => {
    const outcome = await sendApiRequest({
      method: 'GET', url: 'https://as.example/me', headers: [], body: null, bearer: 'tökén€', record: () => {}, baseFetch: scriptedFetch(),
    })
    expect(outcome).toMatchObject({ kind: 'transport', failure: { kind: 'invalid_header' } })
  })
})
