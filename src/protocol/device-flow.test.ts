import { describe, expect, it } from 'vitest'
import { pollDeviceToken, startDeviceAuthorization, type DevicePollInput, type DeviceStartInput } from './device-flow.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'

const server = {
  issuer: 'https://as.example',
  token_endpoint: 'https://as.example/token',
  device_authorization_endpoint: 'https://as.example/device',
}
const authorizationReply = {
  device_code: 'dc-1', user_code: 'WDJB-MJHT', verification_uri: 'https://as.example/activate',
  verification_uri_complete: 'https://as.example/activate?user_code=WDJB-MJHT', expires_in: 1800, interval: 10,
}

function start(replies: Parameters<typeof scriptedFetch>, overrides: Partial<DeviceStartInput> = {}) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  const outcome = startDeviceAuthorization({
    server, client_id: 'tv', client_secret: '', auth: 'none', record: log.record, baseFetch, now: () => 1_700_000_000_000, ...overrides,
  })
  return { outcome, sent: baseFetch.sent, exchanges: log.exchanges }
}

function poll(replies: Parameters<typeof scriptedFetch>, overrides: Partial<DevicePollInput> = {}) {
  const baseFetch = scriptedFetch(...replies)
  const log = exchangeLog()
  const outcome = pollDeviceToken({
    server, client_id: 'tv', client_secret: '', auth: 'none', device_code: 'dc-1', record: log.record, baseFetch, ...overrides,
  })
  return { outcome, sent: baseFetch.sent, exchanges: log.exchanges }
}

describe('startDeviceAuthorization', () => {
  it('posts client_id and scope to the device authorization endpoint and returns the authorization', async () => {
    const { outcome, sent, exchanges } = start([jsonReply(authorizationReply)], {
      scope: 'openid profile', extra: [{ name: 'acr_values', value: 'urn:x', enabled: true }],
    })
    expect(await outcome).toEqual({
      kind: 'started',
      authorization: { ...authorizationReply, interval_defaulted: false, limit_notes: [], received_at: 1_700_000_000_000 },
      conformance: [],
      exchange: exchanges[0],
    })
    expect(sent[0]?.url).toBe('https://as.example/device')
    expect(sent[0]?.body).toBe('acr_values=urn%3Ax&scope=openid+profile&client_id=tv')
    expect(exchanges[0]?.step).toBe('device-authorization')
  })

  it('defaults the interval to 5 seconds and says so when the server omits it', async () => {
    const { interval: _omitted, ...withoutInterval } = authorizationReply
    const result = await start([jsonReply(withoutInterval)]).outcome
    expect(result.kind === 'started' && result.authorization).toMatchObject({ interval: 5, interval_defaulted: true })
  })

  it('still starts with Google\'s verification_url, noting the missing verification_uri', async () => {
    const { verification_uri, verification_uri_complete: _complete, ...rest } = authorizationReply
    const result = await start([jsonReply({ ...rest, verification_url: verification_uri })]).outcome
    expect(result).toMatchObject({
      kind: 'started',
      authorization: { verification_uri: 'https://as.example/activate' },
      conformance: ['"response" body "verification_uri" property must be a string'],
    })
  })

  it('still starts when interval arrives as text, reading it and noting the refusal', async () => {
    const result = await start([jsonReply({ ...authorizationReply, interval: '5' })]).outcome
    expect(result).toMatchObject({
      kind: 'started',
      authorization: { interval: 5, interval_defaulted: false },
      conformance: ['"response" body "interval" property must be a number'],
    })
  })

  it('clamps an interval of 1e9 to an hour and says so, so no timer overflows', async () => {
    const result = await start([jsonReply({ ...authorizationReply, interval: 1e9 })]).outcome
    expect(result).toMatchObject({
      kind: 'started',
      authorization: {
        interval: 3600, interval_defaulted: false,
        limit_notes: ['the server sent interval 1000000000, above the 3600 s limit: 3600 s is used'],
      },
    })
  })

  it('names an interval of -1 as sent, not as "the server sent none"', async () => {
    const result = await start([jsonReply({ ...authorizationReply, interval: -1 })]).outcome
    expect(result).toMatchObject({
      kind: 'started',
      authorization: { interval: 5, interval_defaulted: false, limit_notes: ['the server sent interval -1, below 1 s: 5 s is used'] },
    })
  })

  it('returns not_oauth with the library reason when device_code is missing', async () => {
    const { device_code: _missing, ...rest } = authorizationReply
    expect(await start([jsonReply(rest)]).outcome).toMatchObject({
      kind: 'not_oauth', status: 200,
      reason: 'a JSON object that is not a device authorization response: "response" body "device_code" property must be a string',
    })
  })

  it.each([
    ['', 'an empty body'],
    ['{"', 'a body that is not JSON'],
    ['null', 'JSON that is not an object'],
    ['[]', 'JSON that is not an object'],
    ['<html><body>Sign in</body></html>', 'an HTML page'],
  ])('returns not_oauth for a 200 with %j: %s', async (body, reason) => {
    expect(await start([textReply(body, 200, { 'content-type': 'application/json' })]).outcome).toMatchObject({
      kind: 'not_oauth', status: 200, reason,
    })
  })

  it('returns oauth_error for a 400 unauthorized_client', async () => {
    expect(await start([jsonReply({ error: 'unauthorized_client', error_description: 'device flow is off' }, 400)]).outcome).toMatchObject({
      kind: 'oauth_error', status: 400, error: 'unauthorized_client', error_description: 'device flow is off',
    })
  })

  it('returns invalid_input naming the device authorization endpoint when it is missing', async () => {
    const { outcome, sent } = start([], { server: { issuer: 'https://as.example' } })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'device_authorization_endpoint',
      message: '"Device authorization endpoint" is not configured: discover the server or enter it',
    })
    expect(sent).toHaveLength(0)
  })
})

describe('pollDeviceToken', () => {
  it('posts the device_code grant and returns tokens', async () => {
    const { outcome, sent, exchanges } = poll([jsonReply({ access_token: 'at', token_type: 'Bearer', expires_in: 60 })])
    expect(await outcome).toEqual({
      kind: 'tokens', tokens: { access_token: 'at', token_type: 'Bearer', expires_in: 60 }, conformance: [], exchange: exchanges[0],
    })
    expect(sent[0]?.url).toBe('https://as.example/token')
    expect(sent[0]?.body).toBe('device_code=dc-1&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=tv')
    expect(exchanges[0]?.step).toBe('device-poll')
  })

  it('maps a 400 authorization_pending to pending with its exchange', async () => {
    const { outcome, exchanges } = poll([jsonReply({ error: 'authorization_pending' }, 400)])
    expect(await outcome).toEqual({ kind: 'pending', exchange: exchanges[0] })
  })

  it('maps a 400 slow_down to slow_down', async () => {
    expect((await poll([jsonReply({ error: 'slow_down' }, 400)]).outcome).kind).toBe('slow_down')
  })

  it('maps a 400 access_denied to denied with the server\'s description', async () => {
    const { outcome, exchanges } = poll([jsonReply({ error: 'access_denied', error_description: 'user said no' }, 400)])
    expect(await outcome).toEqual({ kind: 'denied', error_description: 'user said no', exchange: exchanges[0] })
  })

  it('maps a 400 expired_token to expired', async () => {
    const { outcome, exchanges } = poll([jsonReply({ error: 'expired_token' }, 400)])
    expect(await outcome).toEqual({ kind: 'expired', exchange: exchanges[0] })
  })

  it('maps authorization_pending served as text/plain too', async () => {
    expect((await poll([textReply('{"error":"authorization_pending"}', 400, { 'content-type': 'text/plain' })]).outcome).kind).toBe('pending')
  })

  it('keeps other OAuth errors as oauth_error', async () => {
    expect(await poll([jsonReply({ error: 'invalid_grant' }, 400)]).outcome).toMatchObject({ kind: 'oauth_error', error: 'invalid_grant' })
  })

  it('returns not_oauth for a 500 HTML page', async () => {
    expect(await poll([textReply('<html></html>', 500, { 'content-type': 'text/html' })]).outcome).toMatchObject({
      kind: 'not_oauth', status: 500, reason: 'an HTML page',
    })
  })

  it('returns invalid_input for an empty device_code without sending', async () => {
    const { outcome, sent } = poll([], { device_code: '' })
    expect(await outcome).toEqual({
      kind: 'invalid_input', field: 'device_code', message: '"device_code" is empty: start the device flow first',
    })
    expect(sent).toHaveLength(0)
  })
})
