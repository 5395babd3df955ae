import { describe, expect, it } from 'vitest'
import { deleteClientRegistration, editableMetadata, readClientRegistration, updatableMetadata, updateClientRegistration } from './client-management.ts'
import { exchangeLog, jsonReply, scriptedFetch, textReply } from './scripted-fetch.ts'

const where = { registration_client_uri: 'https://as.example/register/c1', registration_access_token: 'rat-1' }
const metadata = { client_id: 'c1', client_name: 'device', registration_client_uri: where.registration_client_uri, client_id_issued_at: 1 }

describe('RFC 7592 client management', () => {
  it('reads the registration with the registration access token as Bearer, recorded as client-management', async () => {
    const baseFetch = scriptedFetch(jsonReply(metadata))
    const log = exchangeLog()

    const outcome = await readClientRegistration({ ...where, record: log.record, baseFetch })

    expect(outcome).toMatchObject({ kind: 'registration', metadata: { client_name: 'device' } })
    expect(baseFetch.sent[0]).toMatchObject({ url: where.registration_client_uri, method: 'GET' })
    expect(baseFetch.sent[0]?.headers.get('authorization')).toBe('Bearer rat-1')
    expect(log.exchanges[0]?.step).toBe('client-management')
  })

  it('updates with the whole metadata as JSON', async () => {
    const baseFetch = scriptedFetch(jsonReply({ ...metadata, client_name: 'renamed', registration_access_token: 'rat-2' }))
    const outcome = await updateClientRegistration({ ...where, metadata: { client_id: 'c1', client_name: 'renamed' }, record: () => {}, baseFetch })

    expect(outcome).toMatchObject({ kind: 'registration', metadata: { registration_access_token: 'rat-2' } })
    expect(baseFetch.sent[0]?.method).toBe('PUT')
    expect(baseFetch.sent[0]?.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(baseFetch.sent[0]?.body ?? '')).toEqual({ client_id: 'c1', client_name: 'renamed' })
  })

  it('treats 204 as deleted, and a 401 as the server\'s OAuth error', async () => {
    expect(await deleteClientRegistration({ ...where, record: () => {}, baseFetch: scriptedFetch(new Response(null, { status: 204 })) })).toMatchObject({ kind: 'deleted' })
    expect(
      await readClientRegistration({ ...where, record: () => {}, baseFetch: scriptedFetch(jsonReply({ error: 'invalid_token', error_description: 'gone' }, 401)) }),
    ).toMatchObject({ kind: 'oauth_error', error: 'invalid_token', status: 401 })
  })

  it('sends no registration access token to a registration_client_uri off the issuer\'s origin until that origin is allowed', async () => {
    const baseFetch = scriptedFetch(jsonReply(metadata))
    const elsewhere = { ...where, registration_client_uri: 'https://other.example/register/c1' }

    const refused = await readClientRegistration({ ...elsewhere, trust: { issuer: 'https://as.example' }, record: () => {}, baseFetch })
    expect(refused).toEqual({
      kind: 'invalid_input',
      field: 'registration_client_uri',
      message:
        'The registration_client_uri is on https://other.example, not the issuer\'s origin https://as.example. Nothing was sent: ' +
        'credentials go there only after you confirm "Allow credentials to https://other.example".',
    })
    expect(baseFetch.sent).toHaveLength(0)

    const trust = { issuer: 'https://as.example', confirmed_origins: ['https://other.example'] }
    expect(await readClientRegistration({ ...elsewhere, trust, record: () => {}, baseFetch })).toMatchObject({ kind: 'registration' })
  })

  it('refuses HTML, a missing token and a bad URI', async () => {
    expect(await readClientRegistration({ ...where, record: () => {}, baseFetch: scriptedFetch(textReply('<html></html>', 200, { 'content-type': 'text/html' })) })).toMatchObject({ kind: 'not_oauth' })
    expect(await readClientRegistration({ ...where, registration_access_token: ' ', record: () => {} })).toMatchObject({ field: 'registration_access_token' })
    expect(await readClientRegistration({ ...where, registration_client_uri: 'nope', record: () => {} })).toMatchObject({ field: 'registration_client_uri' })
  })

  it('leaves the server-set members out of what an update sends back (RFC 7592 §2.2)', () => {
    expect(updatableMetadata({ ...metadata, registration_access_token: 'x', client_secret_expires_at: 0 })).toEqual({ client_id: 'c1', client_name: 'device' })
  })

  it('keeps client_secret out of the editor by the masking rule, held aside to be sent back unchanged', () => {
    const { editable, heldAside } = editableMetadata({ ...metadata, client_secret: 's3cret', registration_access_token: 'x' })

    expect(editable).toEqual({ client_id: 'c1', client_name: 'device' })
    expect(JSON.stringify(editable)).not.toContain('s3cret')
    expect(heldAside).toEqual({ client_secret: 's3cret' })
  })
})
