import { randomUUID } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import { clientCredentialsToken, postWithClient, type ClientCredentials } from './testing/oauth-requests.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})

afterAll(() => sandbox.close())

async function proofMaker() {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const jwk = await exportJWK(publicKey)
  return {
    thumbprint: await calculateJwkThumbprint(jwk),
    proof: (htm: string, htu: string, nonce?: string) =>
      new SignJWT({ htm, htu, jti: randomUUID(), ...(nonce ? { nonce } : {}) })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .setIssuedAt()
        .sign(privateKey),
  }
}

test('discovery advertises DPoP signing algorithms', async () => {
  const discovery = (await (await fetch(`${sandbox.origin}${PATHS.discovery}`)).json()) as Record<string, unknown>

  expect(discovery.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256']))
})

test('a DPoP proof without a nonce meets use_dpop_nonce; the retry with the nonce gets a DPoP-bound token', async () => {
  const key = await proofMaker()
  const tokenUrl = `${sandbox.origin}${PATHS.token}`

  const challenged = await clientCredentialsToken(sandbox.origin, WWW, 'read', 'client_secret_basic', {
    DPoP: await key.proof('POST', tokenUrl),
  })
  const nonce = challenged.headers.get('dpop-nonce') ?? ''
  const bound = await postWithClient(tokenUrl, WWW, 'client_secret_basic', { grant_type: 'client_credentials', scope: 'read' }, {
    DPoP: await key.proof('POST', tokenUrl, nonce),
  })
  const introspected = await postWithClient(`${sandbox.origin}${PATHS.introspection}`, WWW, 'client_secret_basic', {
    token: String(bound.json.access_token),
  })

  expect(challenged.status).toBe(400)
  expect(challenged.json.error).toBe('use_dpop_nonce')
  expect(nonce).not.toBe('')
  expect(bound.status).toBe(200)
  expect(bound.json.token_type).toBe('DPoP')
  expect(introspected.json).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt: key.thumbprint } })
})

test('the DPoP-Nonce header is readable by an allowed browser origin', async () => {
  const key = await proofMaker()
  const tokenUrl = `${sandbox.origin}${PATHS.token}`

  const challenged = await postWithClient(tokenUrl, WWW, 'client_secret_basic', { grant_type: 'client_credentials' }, {
    DPoP: await key.proof('POST', tokenUrl),
    Origin: 'http://127.0.0.1:5173',
  })

  expect(challenged.headers.get('access-control-expose-headers')).toContain('DPoP-Nonce')
})
