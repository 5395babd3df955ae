import { describe, expect, it } from 'vitest'
import { requestTokenExchange, TOKEN_TYPE_URIS } from './token-exchange.ts'
import { exchangeLog, jsonReply, scriptedFetch } from './scripted-fetch.ts'

const server = { issuer: 'https://as.example', token_endpoint: 'https://as.example/token' }
const base = { server, client_id: 'svc', client_secret: 's', auth: 'client_secret_basic' as const, subject_token: 'at-1', subject_token_type: TOKEN_TYPE_URIS.access_token }

describe('requestTokenExchange', () => {
  it('sends the grant type, the subject and only the optional members filled in, recorded as token-exchange', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'at-2', token_type: 'Bearer', issued_token_type: TOKEN_TYPE_URIS.access_token }))
    const log = exchangeLog()

    const outcome = await requestTokenExchange({ ...base, audience: ' https://api.example ', scope: '', resource: ' ', record: log.record, baseFetch })

    expect(outcome).toMatchObject({ kind: 'tokens', tokens: { access_token: 'at-2', issued_token_type: TOKEN_TYPE_URIS.access_token } })
    expect(Object.fromEntries(new URLSearchParams(baseFetch.sent[0]?.body ?? ''))).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'at-1',
      subject_token_type: TOKEN_TYPE_URIS.access_token,
      audience: 'https://api.example',
    })
    expect(log.exchanges[0]?.step).toBe('token-exchange')
  })

  it('refuses an empty subject token and an actor token without its type, before sending', async () => {
    const baseFetch = scriptedFetch()
    expect(await requestTokenExchange({ ...base, subject_token: ' ', record: () => {}, baseFetch })).toEqual({
      kind: 'invalid_input', field: 'subject_token', message: '"subject_token" is empty: choose the token to exchange',
    })
    expect(await requestTokenExchange({ ...base, actor_token: 'x', record: () => {}, baseFetch })).toMatchObject({ field: 'actor_token_type' })
    expect(baseFetch.sent).toHaveLength(0)
  })

  it('refuses a resource that is no absolute URI, or has a fragment, before sending (RFC 8693 §2.1); an absolute one goes', async () => {
    const baseFetch = scriptedFetch(jsonReply({ access_token: 'at-2', token_type: 'Bearer' }))
    expect(await requestTokenExchange({ ...base, resource: 'not a uri', record: () => {}, baseFetch })).toEqual({
      kind: 'invalid_input', field: 'resource',
      message: '"resource" must be an absolute URI such as https://api.example/ (RFC 8693 §2.1, RFC 8707 §2); leave it empty to send none',
    })
    expect(await requestTokenExchange({ ...base, resource: 'https://api.example/#x', record: () => {}, baseFetch })).toMatchObject({ field: 'resource' })
    expect(baseFetch.sent).toHaveLength(0)
    expect(await requestTokenExchange({ ...base, resource: ' https://api.example/v1?x=1 ', record: () => {}, baseFetch })).toMatchObject({ kind: 'tokens' })
    expect(new URLSearchParams(baseFetch.sent[0]?.body ?? '').get('resource')).toBe('https://api.example/v1?x=1')
  })

  it('reports the server\'s refusal', async () => {
    const baseFetch = scriptedFetch(jsonReply({ error: 'invalid_grant', error_description: 'subject_token is not active' }, 400))
    expect(await requestTokenExchange({ ...base, record: () => {}, baseFetch })).toMatchObject({ kind: 'oauth_error', error: 'invalid_grant', status: 400 })
  })
})
