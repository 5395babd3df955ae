import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { NO_QUIRKS, PATHS } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import {
  basicAuthorization,
  clientCredentialsToken,
  DEVICE_CODE_GRANT,
  poll,
  postWithClient,
  register,
  registerDeviceClient,
  startDeviceFlow,
  type ClientCredentials,
} from './testing/oauth-requests.ts'
import { captureProviderNotices } from './testing/provider-notices.ts'
import { clockStoppedAt } from './testing/stopped-clock.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }
const CONSOLE_ORIGIN = 'http://127.0.0.1:5173'

let picky: RunningSandbox
let slow: RunningSandbox
let providerNotices: ReturnType<typeof captureProviderNotices>

beforeAll(async () => {
  providerNotices = captureProviderNotices()
  // Curity-like: Basic alone refused on device polls, registered methods enforced, a sparse reply, no CORS.
  picky = await startSandbox({
    port: 0,
    interval: 1,
    allowedOrigins: [],
    quirks: { ...NO_QUIRKS, pollRequiresClientId: true, strictAuthMethod: true, noInterval: true, noCompleteUri: true },
  })
  slow = await startSandbox({ port: 0, interval: 1, quirks: { ...NO_QUIRKS, slowDownFirst: true } })
})

afterAll(async () => {
  await Promise.all([picky.close(), slow.close()])
  providerNotices.restore()
})

async function pollBasicWithClientIdInBody(origin: string, client: ClientCredentials, deviceCode: string) {
  const response = await fetch(`${origin}${PATHS.token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basicAuthorization(client) },
    body: new URLSearchParams({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: client.client_id }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('--quirk poll-requires-client-id (Curity)', () => {
  test('a device-code poll with Basic alone is refused, saying the client_id is missing; with client_id in the body it is pending', async () => {
    const client = await registerDeviceClient(picky.origin, WWW)
    const device = await startDeviceFlow(picky.origin, client, 'openid')

    const refused = await poll(picky.origin, client, device.device_code, 'client_secret_basic')
    expect(refused.status).toBe(400)
    expect(refused.json).toEqual({ error: 'invalid_request', error_description: 'client_id is missing' })

    const withClientId = await pollBasicWithClientIdInBody(picky.origin, client, device.device_code)
    expect(withClientId.json.error).toBe('authorization_pending')
  })

  test('other grants with Basic alone are not affected', async () => {
    const token = await clientCredentialsToken(picky.origin, WWW, 'dcr', 'client_secret_basic')
    expect(token.status).toBe(200)
  })
})

describe('--strict-auth-method', () => {
  test('polling with client_secret_post for a client registered with client_secret_basic gets 403 unauthorized_client', async () => {
    const client = await registerDeviceClient(picky.origin, WWW)
    const device = await startDeviceFlow(picky.origin, client, 'openid')

    const refused = await poll(picky.origin, client, device.device_code, 'client_secret_post')

    expect(refused.status).toBe(403)
    expect(refused.json.error).toBe('unauthorized_client')
  })

  test('a client registered with client_secret_post starts and polls with it, and is refused Basic', async () => {
    const token = await clientCredentialsToken(picky.origin, WWW, 'dcr')
    const registration = await register(picky.origin, String(token.json.access_token), {
      software_id: 'device-client',
      token_endpoint_auth_method: 'client_secret_post',
    })
    expect(registration.json.token_endpoint_auth_method).toBe('client_secret_post')
    const client = { client_id: String(registration.json.client_id), client_secret: String(registration.json.client_secret) }
    const started = await postWithClient(`${picky.origin}${PATHS.deviceAuthorization}`, client, 'client_secret_post', { scope: 'openid' })
    const deviceCode = String(started.json.device_code)

    expect((await poll(picky.origin, client, deviceCode, 'client_secret_post')).json.error).toBe('authorization_pending')
    const basic = await pollBasicWithClientIdInBody(picky.origin, client, deviceCode)
    expect(basic.status).toBe(403)
    expect(basic.json.error).toBe('unauthorized_client')
  })
})

describe('--no-interval and --no-complete-uri', () => {
  test('the device authorization reply has neither interval nor verification_uri_complete', async () => {
    const client = await registerDeviceClient(picky.origin, WWW)
    const device = await startDeviceFlow(picky.origin, client, 'openid')

    expect(device.user_code).toEqual(expect.any(String))
    expect(device.verification_uri).toBe(`${picky.origin}${PATHS.deviceVerification}`)
    expect(device).not.toHaveProperty('interval')
    expect(device).not.toHaveProperty('verification_uri_complete')
  })
})

describe('--cors-origins none', () => {
  test('no origin gets Access-Control-Allow-Origin, on preflights or on replies', async () => {
    const preflight = await fetch(`${picky.origin}${PATHS.token}`, {
      method: 'OPTIONS',
      headers: { Origin: CONSOLE_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    const discovery = await fetch(`${picky.issuer}/.well-known/openid-configuration`, { headers: { Origin: CONSOLE_ORIGIN } })

    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(discovery.status).toBe(200)
    expect(discovery.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('--slow-down-first', () => {
  test('the first pending poll of a device code is slow_down, the next one in time is authorization_pending', async () => {
    const client = await registerDeviceClient(slow.origin, WWW)
    const device = await startDeviceFlow(slow.origin, client, 'openid')

    const first = await poll(slow.origin, client, device.device_code)
    const second = await clockStoppedAt(1.1, () => poll(slow.origin, client, device.device_code))

    expect(first.json.error).toBe('slow_down')
    expect(second.json.error).toBe('authorization_pending')
  })
})

describe('private_key_jwt registration and polling', () => {
  test('a client registered with its own jwks and no secret polls with a signed client assertion', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256')
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }
    const token = await clientCredentialsToken(slow.origin, WWW, 'dcr')
    const registration = await register(slow.origin, String(token.json.access_token), {
      software_id: 'device-client',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [jwk] },
    })
    expect(registration.status).toBe(201)
    expect(registration.json.token_endpoint_auth_method).toBe('private_key_jwt')
    expect(registration.json).not.toHaveProperty('client_secret')
    const client_id = String(registration.json.client_id)

    const assertion = () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(client_id)
        .setSubject(client_id)
        .setAudience(slow.issuer)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(privateKey)
    const form = async (params: Record<string, string>) =>
      new URLSearchParams({
        ...params,
        client_id,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(),
      })
    const started = await fetch(`${slow.origin}${PATHS.deviceAuthorization}`, { method: 'POST', body: await form({ scope: 'openid' }) })
    const device = (await started.json()) as { device_code: string }
    expect(started.status).toBe(200)

    const polled = await fetch(`${slow.origin}${PATHS.token}`, {
      method: 'POST',
      body: await form({ grant_type: DEVICE_CODE_GRANT, device_code: device.device_code }),
    })
    // slow-down-first is on here: the first answer is slow_down, which proves the assertion was accepted.
    expect(((await polled.json()) as { error: string }).error).toBe('slow_down')
  })
})
