import { afterAll, beforeAll, expect, test } from 'vitest'
import { PATHS, TOKEN_EXCHANGE_GRANT } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { ACCESS_TOKEN_TYPE } from './token-exchange.ts'
import { clientCredentialsToken, postWithClient, type ClientCredentials } from './testing/oauth-requests.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

let sandbox: RunningSandbox
let subjectToken: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  subjectToken = String((await clientCredentialsToken(sandbox.origin, WWW, 'dcr read')).json.access_token)
})

afterAll(() => sandbox.close())

function exchange(params: Record<string, string>) {
  return postWithClient(`${sandbox.origin}${PATHS.token}`, WWW, 'client_secret_basic', { grant_type: TOKEN_EXCHANGE_GRANT, ...params })
}

async function introspect(token: string) {
  return postWithClient(`${sandbox.origin}${PATHS.introspection}`, WWW, 'client_secret_basic', { token })
}

test('discovery lists the token exchange grant type', async () => {
  const discovery = (await (await fetch(`${sandbox.origin}${PATHS.discovery}`)).json()) as { grant_types_supported: string[] }

  expect(discovery.grant_types_supported).toContain(TOKEN_EXCHANGE_GRANT)
})

test('an access token the sandbox issued is exchanged for a narrower one with an audience and an actor', async () => {
  const actorToken = String((await clientCredentialsToken(sandbox.origin, WWW, 'read')).json.access_token)

  const reply = await exchange({
    subject_token: subjectToken,
    subject_token_type: ACCESS_TOKEN_TYPE,
    actor_token: actorToken,
    actor_token_type: ACCESS_TOKEN_TYPE,
    requested_token_type: ACCESS_TOKEN_TYPE,
    audience: 'https://api.example',
    scope: 'read',
  })
  const issued = await introspect(String(reply.json.access_token))

  expect(reply.status).toBe(200)
  expect(reply.json).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', scope: 'read', expires_in: expect.any(Number) })
  expect(issued.json).toMatchObject({ active: true, scope: 'read', aud: 'https://api.example' })
})

test('refusals: an unknown subject token, a wider scope, an unsupported token type', async () => {
  const unknown = await exchange({ subject_token: 'nope', subject_token_type: ACCESS_TOKEN_TYPE })
  const wider = await exchange({ subject_token: subjectToken, subject_token_type: ACCESS_TOKEN_TYPE, scope: 'read openid' })
  const idToken = await exchange({ subject_token: subjectToken, subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' })
  const missing = await exchange({ subject_token_type: ACCESS_TOKEN_TYPE })

  expect(unknown.json).toMatchObject({ error: 'invalid_grant' })
  expect(wider.json).toMatchObject({ error: 'invalid_scope' })
  expect(idToken.json).toMatchObject({ error: 'invalid_request' })
  expect(String(idToken.json.error_description)).toContain('subject_token_type')
  expect(missing.json).toMatchObject({ error: 'invalid_request' })
})
