import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { clientCredentialsToken, register, type ClientCredentials } from './testing/oauth-requests.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})

afterAll(() => sandbox.close())

async function manage(uri: string, token: string, method: 'GET' | 'PUT' | 'DELETE', body?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(uri, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const text = await response.text()
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

test('a registered client reads, updates and deletes itself with its registration_access_token (RFC 7592)', async () => {
  const dcrToken = String((await clientCredentialsToken(sandbox.origin, WWW, 'dcr')).json.access_token)
  const registered = await register(sandbox.origin, dcrToken, { software_id: 'device-client' })
  const uri = String(registered.json.registration_client_uri)
  const firstToken = String(registered.json.registration_access_token)

  const read = await manage(uri, firstToken, 'GET')
  const { registration_access_token: _t, registration_client_uri: _u, client_id_issued_at: _i, client_secret_expires_at: _e, ...metadata } = read.json
  const updated = await manage(uri, firstToken, 'PUT', {
    ...metadata,
    client_name: 'renamed device',
    grant_types: ['client_credentials'],
  })
  const rotatedToken = String(updated.json.registration_access_token)
  const staleRead = await manage(uri, firstToken, 'GET')
  const deleted = await manage(uri, rotatedToken, 'DELETE')
  const afterDelete = await manage(uri, rotatedToken, 'GET')

  expect(registered.status).toBe(201)
  expect(uri).toBe(`${sandbox.origin}/token-service/oauth-registration/${String(registered.json.client_id)}`)
  expect(read.status).toBe(200)
  expect(read.json).toMatchObject({ client_id: registered.json.client_id, software_id: 'device-client' })
  expect(updated.status).toBe(200)
  // The name is the client's own; the grant comes from the template and stays.
  expect(updated.json).toMatchObject({
    client_name: 'renamed device',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  })
  expect(rotatedToken).not.toBe(firstToken)
  expect(staleRead.status).toBe(401)
  expect(deleted.status).toBe(204)
  expect(afterDelete.status).toBe(401)
})

test('management requests from an allowed origin pass the CORS preflight for PUT and DELETE', async () => {
  const preflight = await fetch(`${sandbox.origin}/token-service/oauth-registration/anything`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'DELETE' },
  })

  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT')
  expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE')
})
