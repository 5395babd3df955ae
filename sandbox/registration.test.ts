import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { clientCredentialsToken, register, type ClientCredentials } from './testing/oauth-requests.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let sandbox: RunningSandbox
let dcrToken: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, interval: 1, deviceCodeTtl: 3 })
  dcrToken = String((await clientCredentialsToken(sandbox.origin, WWW, 'dcr')).json.access_token)
})

afterAll(() => sandbox.close())

describe('who may register (Bearer client-credentials token with scope dcr)', () => {
  test('no Authorization header: 401 invalid_token with a Bearer challenge', async () => {
    const reply = await register(sandbox.origin, undefined, { software_id: 'device-client' })

    expect(reply.status).toBe(401)
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/)
    expect(reply.json).toEqual({ error: 'invalid_token', error_description: expect.any(String) })
  })

  test('an unknown token: 401 invalid_token', async () => {
    const reply = await register(sandbox.origin, 'not-a-token', { software_id: 'device-client' })

    expect(reply.status).toBe(401)
    expect(reply.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(reply.json.error).toBe('invalid_token')
  })

  test('a client-credentials token without dcr: 403 insufficient_scope naming the scope', async () => {
    const readToken = String((await clientCredentialsToken(sandbox.origin, WWW, 'read')).json.access_token)

    const reply = await register(sandbox.origin, readToken, { software_id: 'device-client' })

    expect(reply.status).toBe(403)
    expect(reply.headers.get('www-authenticate')).toMatch(/error="insufficient_scope".*scope="dcr"/)
    expect(reply.json.error).toBe('insufficient_scope')
  })
})

describe('templates chosen by software_id', () => {
  test('an unknown software_id: 400 invalid_client_metadata naming the known templates', async () => {
    const reply = await register(sandbox.origin, dcrToken, { software_id: 'tv-client' })

    expect(reply.status).toBe(400)
    expect(reply.json.error).toBe('invalid_client_metadata')
    expect(reply.json.error_description).toBe('unknown software_id "tv-client"; known software_id values: device-client')
    expect(reply.headers.get('www-authenticate')).toBeNull()
  })

  test('no software_id: 400 invalid_client_metadata', async () => {
    const reply = await register(sandbox.origin, dcrToken, { client_name: 'mine' })

    expect(reply.status).toBe(400)
    expect(reply.json.error).toBe('invalid_client_metadata')
    expect(reply.json.error_description).toContain('unknown software_id')
  })

  test('device-client: 201 with a generated client and the registration management fields', async () => {
    const reply = await register(sandbox.origin, dcrToken, { software_id: 'device-client' })

    expect(reply.status).toBe(201)
    expect(reply.json).toMatchObject({
      client_id: expect.stringMatching(UUID),
      client_secret: expect.any(String),
      client_id_issued_at: expect.any(Number),
      client_secret_expires_at: 0,
      client_name: 'device-client',
      software_id: 'device-client',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'openid profile email offline_access read',
      registration_access_token: expect.any(String),
      registration_client_uri: `${sandbox.origin}${PATHS.registration}/${String(reply.json.client_id)}`,
    })
  })

  test('the template wins over metadata the request asks for', async () => {
    const reply = await register(sandbox.origin, dcrToken, {
      software_id: 'device-client',
      grant_types: ['client_credentials'],
      scope: 'dcr',
      token_endpoint_auth_method: 'none',
    })

    expect(reply.status).toBe(201)
    expect(reply.json).toMatchObject({
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      scope: 'openid profile email offline_access read',
      token_endpoint_auth_method: 'client_secret_basic',
      client_secret: expect.any(String),
    })
  })

  test('the registration_client_uri returns the client to its registration_access_token', async () => {
    const created = await register(sandbox.origin, dcrToken, { software_id: 'device-client' })

    const read = await fetch(String(created.json.registration_client_uri), {
      headers: { Authorization: `Bearer ${String(created.json.registration_access_token)}` },
    })

    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ client_id: created.json.client_id, software_id: 'device-client' })
  })

  test('the registered client can start a device flow with its secret', async () => {
    const created = await register(sandbox.origin, dcrToken, { software_id: 'device-client' })
    const auth = Buffer.from(`${String(created.json.client_id)}:${String(created.json.client_secret)}`).toString('base64')

    const started = await fetch(`${sandbox.origin}${PATHS.deviceAuthorization}`, {
      method: 'POST',
      headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'scope=openid',
    })

    expect(started.status).toBe(200)
  })
})
