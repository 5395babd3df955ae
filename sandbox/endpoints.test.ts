import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { clientCredentialsToken, postWithClient, type ClientCredentials } from './testing/oauth-requests.ts'
import { captureProviderNotices } from './testing/provider-notices.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }
const CONSOLE_ORIGIN = 'http://127.0.0.1:5173'
const OTHER_ORIGIN = 'http://evil.example'

let sandbox: RunningSandbox
let providerNotices: ReturnType<typeof captureProviderNotices>

beforeAll(async () => {
  providerNotices = captureProviderNotices()
  sandbox = await startSandbox({ port: 0, interval: 1, deviceCodeTtl: 3 })
})

afterAll(async () => {
  await sandbox.close()
  providerNotices.restore()
})

describe('discovery', () => {
  test('the issuer is <origin>/oauth/v2/oauth-anonymous and metadata lists every endpoint at its Curity path', async () => {
    const response = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)
    const metadata = await response.json()

    expect(response.status).toBe(200)
    expect(sandbox.issuer).toBe(`${sandbox.origin}/oauth/v2/oauth-anonymous`)
    expect(metadata).toMatchObject({
      issuer: sandbox.issuer,
      authorization_endpoint: `${sandbox.origin}/oauth/v2/oauth-authorize`,
      token_endpoint: `${sandbox.origin}/oauth/v2/oauth-token`,
      device_authorization_endpoint: `${sandbox.origin}/oauth/v2/oauth-device-authorization`,
      registration_endpoint: `${sandbox.origin}/token-service/oauth-registration`,
      introspection_endpoint: `${sandbox.origin}/oauth/v2/oauth-introspect`,
      revocation_endpoint: `${sandbox.origin}/oauth/v2/oauth-revoke`,
      userinfo_endpoint: `${sandbox.origin}/oauth/v2/oauth-userinfo`,
      jwks_uri: `${sandbox.origin}/oauth/v2/oauth-anonymous/jwks`,
      grant_types_supported: expect.arrayContaining([
        'authorization_code',
        'client_credentials',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
      scopes_supported: expect.arrayContaining(['openid', 'profile', 'email', 'offline_access', 'dcr', 'read']),
    })
  })

  test('the RFC 8414 location answers the same metadata', async () => {
    const openid = await (await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)).json()

    const rfc8414 = await fetch(`${sandbox.origin}${PATHS.authorizationServerMetadata}`)

    expect(rfc8414.status).toBe(200)
    expect(await rfc8414.json()).toEqual(openid)
  })

  test('discovery at the bare origin is 404 pointing at the issuer', async () => {
    const response = await fetch(`${sandbox.origin}/.well-known/openid-configuration`)

    expect(response.status).toBe(404)
    expect((await response.json()).error_description).toContain(sandbox.issuer)
  })

  test('jwks publishes one ES256 public key', async () => {
    const { keys } = await (await fetch(`${sandbox.origin}${PATHS.jwks}`)).json()

    expect(keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) })])
    expect(keys[0]).not.toHaveProperty('d')
  })
})

describe('client credentials for www', () => {
  test.each(['client_secret_basic', 'client_secret_post'] as const)('%s returns a Bearer token with scope dcr', async (auth) => {
    const reply = await clientCredentialsToken(sandbox.origin, WWW, 'dcr', auth)

    expect(reply.status).toBe(200)
    expect(reply.json).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer', scope: 'dcr', expires_in: 3600 })
  })

  test('a wrong secret is 401 invalid_client', async () => {
    const reply = await clientCredentialsToken(sandbox.origin, { ...WWW, client_secret: 'wrong' }, 'dcr')

    expect(reply.status).toBe(401)
    expect(reply.json.error).toBe('invalid_client')
  })

  test('a scope the sandbox does not know is left out of the token and its scope field (RFC 6749 §3.3)', async () => {
    const reply = await clientCredentialsToken(sandbox.origin, WWW, 'dcr admin')

    expect(reply.status).toBe(200)
    expect(reply.json.scope).toBe('dcr')
  })

  test('introspection says the token is active until revocation, then inactive', async () => {
    const token = String((await clientCredentialsToken(sandbox.origin, WWW, 'dcr')).json.access_token)
    const introspect = () => postWithClient(`${sandbox.origin}${PATHS.introspection}`, WWW, 'client_secret_basic', { token })

    const before = await introspect()
    const revoked = await postWithClient(`${sandbox.origin}${PATHS.revocation}`, WWW, 'client_secret_post', { token })
    const after = await introspect()

    expect(before.json).toMatchObject({ active: true, client_id: 'www', scope: 'dcr' })
    expect(revoked.status).toBe(200)
    expect(after.json).toEqual({ active: false })
  })
})

describe('CORS', () => {
  const tokenRequestFrom = (origin: string) =>
    postWithClient(`${sandbox.origin}${PATHS.token}`, WWW, 'client_secret_basic', { grant_type: 'client_credentials' }, { Origin: origin })

  test('token endpoint: an allowed origin is echoed with Vary: Origin and WWW-Authenticate exposed; no Origin gets none', async () => {
    const reply = await clientCredentialsToken(sandbox.origin, WWW, 'dcr')
    const withOrigin = await tokenRequestFrom(CONSOLE_ORIGIN)

    expect(reply.headers.get('access-control-allow-origin')).toBeNull()
    expect(withOrigin.status).toBe(200)
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN)
    expect(withOrigin.headers.get('vary')).toContain('Origin')
    expect(withOrigin.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate')
  })

  test('the registration preflight for an allowed origin is 204 allowing POST, Authorization and Content-Type', async () => {
    const preflight = await fetch(`${sandbox.origin}${PATHS.registration}`, {
      method: 'OPTIONS',
      headers: {
        Origin: CONSOLE_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    })

    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type/)
  })

  test('another origin gets no Access-Control-Allow-Origin on token (refused by clientBasedCORS), preflight or discovery', async () => {
    const token = await tokenRequestFrom(OTHER_ORIGIN)
    const preflight = await fetch(`${sandbox.origin}${PATHS.registration}`, {
      method: 'OPTIONS',
      headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    const discovery = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`, { headers: { Origin: OTHER_ORIGIN } })

    expect(token.headers.get('access-control-allow-origin')).toBeNull()
    expect(token.status).toBe(400)
    expect(token.json).toMatchObject({ error: 'invalid_request', error_description: `origin ${OTHER_ORIGIN} not allowed for client: www` })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(discovery.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('an allowed origin gets CORS on discovery and on the registration error reply', async () => {
    const discovery = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`, { headers: { Origin: CONSOLE_ORIGIN } })
    const registration = await fetch(`${sandbox.origin}${PATHS.registration}`, {
      method: 'POST',
      headers: { Origin: CONSOLE_ORIGIN, 'Content-Type': 'application/json' },
      body: '{"software_id":"device-client"}',
    })

    expect(discovery.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN)
    expect(registration.status).toBe(401)
    expect(registration.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN)
  })
})

describe('training faults', () => {
  test('/faults/html answers 502 with an nginx Bad Gateway page, with CORS for the console', async () => {
    const response = await fetch(`${sandbox.origin}/faults/html`, { method: 'POST', headers: { Origin: CONSOLE_ORIGIN } })

    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN)
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  test('/faults/empty answers 200 application/json with an empty body', async () => {
    const response = await fetch(`${sandbox.origin}/faults/empty`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe('')
  })
})

describe('public URL', () => {
  test('--public-url sets the issuer and every advertised URL, whatever host the request used', async () => {
    const phoneFacing = await startSandbox({ port: 0, publicUrl: 'http://sandbox.test:8443' })
    try {
      const metadata = await (await fetch(`http://127.0.0.1:${phoneFacing.port}${PATHS.discovery}`)).json()

      expect(phoneFacing.issuer).toBe('http://sandbox.test:8443/oauth/v2/oauth-anonymous')
      expect(metadata.issuer).toBe(phoneFacing.issuer)
      expect(metadata.device_authorization_endpoint).toBe('http://sandbox.test:8443/oauth/v2/oauth-device-authorization')
      expect(metadata.token_endpoint).toBe('http://sandbox.test:8443/oauth/v2/oauth-token')
    } finally {
      await phoneFacing.close()
    }
  })
})

describe('oidc-provider itself', () => {
  test('printed no notice or warning while starting and serving these endpoints', () => {
    expect(providerNotices.notices).toEqual([])
  })
})
