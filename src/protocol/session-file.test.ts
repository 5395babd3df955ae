import type { HttpExchange } from './http-exchange.ts'
import { MASK, listSecretsIn } from './masking.ts'
import { buildSessionFile, readSessionFile, SESSION_FILE_MAX_EXCHANGES } from './session-file.ts'
import type { Environment } from './environment-schema.ts'

const environment: Environment = {
  id: 'env-1',
  name: 'Sandbox',
  issuer: 'https://idp.example',
  endpoints: { token_endpoint: 'https://idp.example/token', jwks_uri: 'https://idp.example/jwks' },
  clients: [
    {
      id: 'c-1',
      label: 'Registered',
      client_id: 'reg-client',
      client_secret: 'reg-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      registration_access_token: 'rat-123',
      registration_client_uri: 'https://idp.example/reg/reg-client',
      source: 'registration',
    },
    { id: 'c-2', label: 'Public', client_id: 'pub', client_secret: '', token_endpoint_auth_method: 'none', source: 'manual' },
  ],
}

const tokenExchange: HttpExchange = {
  id: 'x1',
  step: 'client-credentials',
  startedAt: 1_700_000_000_000,
  durationMs: 12,
  request: {
    method: 'POST',
    url: 'https://idp.example/token',
    headers: [
      { name: 'Authorization', value: `Basic ${btoa('reg-client:reg-secret')}` },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ],
    body: 'grant_type=client_credentials',
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: '{"access_token":"at-secret-1","token_type":"Bearer","expires_in":300}',
  },
  failure: null,
}

const now = new Date('2025-01-02T03:04:05.000Z')

describe('buildSessionFile', () => {
  it('keeps secrets and raw exchanges when asked to include them', () => {
    const file = buildSessionFile({ environments: [environment], exchanges: [tokenExchange], includeSecrets: true, now })
    expect(file).toEqual({
      format: 'oauth-console-session',
      version: 1,
      exportedAt: '2025-01-02T03:04:05.000Z',
      secretsIncluded: true,
      environments: [environment],
      exchanges: [tokenExchange],
    })
  })

  it('blanks client secrets, drops registration access tokens and masks exchanges otherwise', () => {
    const file = buildSessionFile({ environments: [environment], exchanges: [tokenExchange], includeSecrets: false, now: now.getTime() })
    expect(file.secretsIncluded).toBe(false)
    const [registered, publicClient] = file.environments[0]!.clients
    expect(registered).toEqual({
      id: 'c-1',
      label: 'Registered',
      client_id: 'reg-client',
      client_secret: '',
      token_endpoint_auth_method: 'client_secret_basic',
      registration_client_uri: 'https://idp.example/reg/reg-client',
      source: 'registration',
    })
    expect(registered).not.toHaveProperty('registration_access_token')
    expect(publicClient?.client_id).toBe('pub')
    expect(file.exchanges[0]?.request.headers[0]).toEqual({ name: 'Authorization', value: `Basic ${MASK}` })
    const text = JSON.stringify(file)
    for (const secret of [...listSecretsIn(tokenExchange), 'reg-secret', 'rat-123']) expect(text).not.toContain(secret)
  })

  it('does not change the objects it was given', () => {
    const snapshot = structuredClone(environment)
    buildSessionFile({ environments: [environment], exchanges: [tokenExchange], includeSecrets: false, now })
    expect(environment).toEqual(snapshot)
  })
})

describe('readSessionFile', () => {
  const valid = () => buildSessionFile({ environments: [environment], exchanges: [tokenExchange], includeSecrets: true, now })

  it('reads back what buildSessionFile wrote', () => {
    expect(readSessionFile(JSON.stringify(valid()))).toEqual({ ok: true, session: valid() })
  })

  it('reports text that is not JSON', () => {
    const result = readSessionFile('{"format":')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/^The file is not JSON: /)
  })

  it('reports JSON that is not an object', () => {
    expect(readSessionFile('[]')).toEqual({ ok: false, message: 'The file is not an OAuth Console session file: expected a JSON object' })
  })

  it('reports another format and hints at HAR for a HAR file', () => {
    expect(readSessionFile('{"format":"postman"}')).toEqual({
      ok: false,
      message: 'The file is not an OAuth Console session file: "format" is "postman", expected "oauth-console-session".',
    })
    expect(readSessionFile('{"log":{"version":"1.2"}}')).toEqual({
      ok: false,
      message: 'The file is not an OAuth Console session file: "format" is missing, expected "oauth-console-session". It looks like a HAR file: import it as HAR.',
    })
  })

  it('reports an unsupported version', () => {
    expect(readSessionFile(JSON.stringify({ ...valid(), version: 2 }))).toEqual({
      ok: false,
      message: 'Unsupported session file version 2: this console reads version 1',
    })
  })

  it('names the path of a missing client_id', () => {
    const file = valid() as unknown as { environments: { clients: Record<string, unknown>[] }[] }
    delete file.environments[0]!.clients[1]!.client_id
    expect(readSessionFile(JSON.stringify(file))).toEqual({
      ok: false,
      message: 'Invalid session file: environments[0].clients[1].client_id: expected a string',
    })
  })

  it('names the path and the type that arrived for a wrong type', () => {
    const file = valid() as unknown as { exchanges: { request: Record<string, unknown> }[] }
    file.exchanges[0]!.request.url = 42
    expect(readSessionFile(JSON.stringify(file))).toEqual({
      ok: false,
      message: 'Invalid session file: exchanges[0].request.url: expected a string, got a number',
    })
  })

  it('lists the allowed values of a closed field', () => {
    const file = valid() as unknown as { environments: { clients: Record<string, unknown>[] }[] }
    file.environments[0]!.clients[0]!.token_endpoint_auth_method = 'tls_client_auth'
    expect(readSessionFile(JSON.stringify(file))).toEqual({
      ok: false,
      message:
        'Invalid session file: environments[0].clients[0].token_endpoint_auth_method: expected "client_secret_basic" or "client_secret_post" or "none" or "client_secret_jwt" or "private_key_jwt"',
    })
  })

  it('rejects a file over 200 MB before parsing it', () => {
    const huge = `{"format":"oauth-console-session","pad":"${'x'.repeat(200 * 1024 * 1024)}"}`
    expect(readSessionFile(huge)).toEqual({ ok: false, message: 'The file is larger than 200 MB: session files are limited to 200 MB' })
  })

  it('counts bytes, not characters, against the 200 MB limit', () => {
    const multibyte = `{"pad":"${'€'.repeat(67 * 1024 * 1024)}"}`
    expect(readSessionFile(multibyte)).toEqual({ ok: false, message: 'The file is larger than 200 MB: session files are limited to 200 MB' })
  })

  it('rejects more than 100,000 exchanges', () => {
    const file = { ...valid(), exchanges: Array.from({ length: SESSION_FILE_MAX_EXCHANGES + 1 }, () => 0) }
    expect(readSessionFile(JSON.stringify(file))).toEqual({
      ok: false,
      message: 'The file has 100001 exchanges: at most 100,000 can be imported',
    })
  })

  it('keeps hostile body text as plain strings', () => {
    const hostile: HttpExchange = {
      ...tokenExchange,
      response: { status: 200, statusText: 'OK', headers: [], body: '<script>alert("x")</script>\u0000' },
    }
    const file = buildSessionFile({ environments: [], exchanges: [hostile], includeSecrets: true, now })
    const result = readSessionFile(JSON.stringify(file))
    expect(result.ok && result.session.exchanges[0]?.response?.body).toBe('<script>alert("x")</script>\u0000')
  })
})
