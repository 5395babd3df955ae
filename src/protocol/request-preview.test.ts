import { requestClientCredentials } from './client-credentials.ts'
import { pollDeviceToken } from './device-flow.ts'
import { decodeDpopProof } from './dpop-proof.ts'
import { previewRequest } from './request-preview.ts'

const server = { issuer: 'https://idp.example', token_endpoint: 'https://idp.example/token' }

describe('previewRequest', () => {
  it('captures the request a step would send, from its own request function, masked, and sends nothing', async () => {
    let sent = 0
    const realFetch = globalThis.fetch
    globalThis.fetch = async () => {
      sent += 1
      throw new Error('nothing may be sent')
    }
    const preview = await previewRequest((recording) =>
      requestClientCredentials({ server, client_id: 'www', client_secret: 'Password1', auth: 'client_secret_basic', scope: 'dcr', ...recording }),
    ).finally(() => (globalThis.fetch = realFetch))
    expect(sent).toBe(0)
    expect(preview.kind).toBe('ready')
    if (preview.kind !== 'ready') return
    expect(preview.request.method).toBe('POST')
    expect(preview.request.url).toBe('https://idp.example/token')
    expect(preview.request.body).toContain('grant_type=client_credentials')
    expect(preview.request.body).toContain('scope=dcr')
    const authorization = preview.request.headers.find((header) => header.name.toLowerCase() === 'authorization')
    expect(authorization?.value).toMatch(/^Basic •+$/)
    expect(JSON.stringify(preview)).not.toContain('Password1')
    expect(JSON.stringify(preview)).not.toContain(btoa('www:Password1'))
  })

  it('shows the DPoP proof a request with a key would carry (typ dpop+jwt, htm, htu)', async () => {
    const dpop = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const preview = await previewRequest((recording) =>
      requestClientCredentials({ server, client_id: 'www', client_secret: 'Password1', auth: 'client_secret_basic', dpop, ...recording }),
    )
    expect(preview.kind).toBe('ready')
    if (preview.kind !== 'ready') return
    const proof = decodeDpopProof(preview.request.headers)
    expect(proof?.kind === 'jwt' && proof.header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' })
    expect(proof?.kind === 'jwt' && proof.claims).toMatchObject({ htm: 'POST', htu: 'https://idp.example/token' })
  })

  it('masks the device code and a secret sent in the body', async () => {
    const preview = await previewRequest((recording) =>
      pollDeviceToken({ server, client_id: 'dev', client_secret: 's3cret-value', auth: 'client_secret_post', device_code: 'device-code-value', ...recording }),
    )
    expect(preview.kind).toBe('ready')
    const text = JSON.stringify(preview)
    expect(text).toContain('urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code')
    expect(text).not.toContain('device-code-value')
    expect(text).not.toContain('s3cret-value')
  })

  it('says why when the step cannot build its request yet', async () => {
    const preview = await previewRequest((recording) =>
      requestClientCredentials({ server: { issuer: 'https://idp.example' }, client_id: 'www', client_secret: 'x', auth: 'client_secret_basic', ...recording }),
    )
    expect(preview).toMatchObject({ kind: 'not_ready', message: expect.stringMatching(/token/i) })
  })
})
