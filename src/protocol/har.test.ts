import { readHar, toHar } from './har.ts'
import type { HttpExchange } from './http-exchange.ts'
import { listSecretsIn } from './masking.ts'

const utf8Length = (text: string) => new TextEncoder().encode(text).length
const creator = { name: 'OAuth Console', version: '0.1.0' }

const tokenExchange: HttpExchange = {
  id: 'x1',
  step: 'client-credentials',
  startedAt: Date.UTC(2025, 0, 2, 3, 4, 5, 678),
  durationMs: 87,
  request: {
    method: 'POST',
    url: 'https://idp.example/token?audience=https%3A%2F%2Fapi&debug=a+b',
    headers: [
      { name: 'Authorization', value: `Basic ${btoa('my-client:s3cr3t-value')}` },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ],
    body: 'grant_type=client_credentials&scope=read+write&client_assertion=eyJ.assert.ion',
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [
      { name: 'Content-Type', value: 'application/json; charset=utf-8' },
      { name: 'Cache-Control', value: 'no-store' },
    ],
    body: '{"access_token":"at-Ünïcode-9","refresh_token":"rt-7","token_type":"Bearer","expires_in":300}',
  },
  failure: null,
}

const corsFailure: HttpExchange = {
  id: 'x2',
  step: 'userinfo',
  startedAt: Date.UTC(2025, 0, 2, 3, 4, 6),
  durationMs: 5,
  request: { method: 'GET', url: 'https://idp.example/userinfo', headers: [{ name: 'Authorization', value: 'Bearer at-secret-2' }], body: null },
  response: null,
  failure: { kind: 'cors', message: 'The response was blocked by CORS' },
}

describe('toHar', () => {
  it('writes a HAR 1.2 log with the creator and one entry per exchange', () => {
    const har = toHar([tokenExchange, corsFailure], { mask: false, creator })
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual(creator)
    expect(har.log.entries).toHaveLength(2)
  })

  it('describes a completed exchange field by field', () => {
    const [entry] = toHar([tokenExchange], { mask: false, creator }).log.entries
    expect(entry).toEqual({
      startedDateTime: '2025-01-02T03:04:05.678Z',
      time: 87,
      request: {
        method: 'POST',
        url: 'https://idp.example/token?audience=https%3A%2F%2Fapi&debug=a+b',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: tokenExchange.request.headers,
        queryString: [
          { name: 'audience', value: 'https://api' },
          { name: 'debug', value: 'a b' },
        ],
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: tokenExchange.request.body,
          params: [
            { name: 'grant_type', value: 'client_credentials' },
            { name: 'scope', value: 'read write' },
            { name: 'client_assertion', value: 'eyJ.assert.ion' },
          ],
        },
        headersSize: -1,
        bodySize: utf8Length(tokenExchange.request.body!),
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: tokenExchange.response!.headers,
        content: { size: utf8Length(tokenExchange.response!.body), mimeType: 'application/json; charset=utf-8', text: tokenExchange.response!.body },
        redirectURL: '',
        headersSize: -1,
        bodySize: utf8Length(tokenExchange.response!.body),
      },
      cache: {},
      timings: { send: 0, wait: 87, receive: 0 },
      _id: 'x1',
      _step: 'client-credentials',
    })
  })

  it('counts body sizes in UTF-8 bytes', () => {
    const [entry] = toHar([tokenExchange], { mask: false, creator }).log.entries
    expect(entry?.response.bodySize).toBe(new TextEncoder().encode(tokenExchange.response!.body).length)
    expect(entry?.response.bodySize).toBeGreaterThan(tokenExchange.response!.body.length)
  })

  it('gives the sizes of the bodies as sent in a masked HAR too, and no wire size for a compressed reply', () => {
    const [masked] = toHar([tokenExchange], { mask: true, creator }).log.entries
    expect(masked?.response.content.text).not.toContain('at-Ünïcode-9')
    expect(masked?.response.content.size).toBe(utf8Length(tokenExchange.response!.body))
    expect(masked?.response.bodySize).toBe(utf8Length(tokenExchange.response!.body))
    expect(masked?.request.bodySize).toBe(utf8Length(tokenExchange.request.body!))
    const gzipped: HttpExchange = {
      ...tokenExchange,
      response: { ...tokenExchange.response!, headers: [...tokenExchange.response!.headers, { name: 'Content-Encoding', value: 'gzip' }] },
    }
    const [entry] = toHar([gzipped], { mask: true, creator }).log.entries
    expect(entry?.response.content.size).toBe(utf8Length(tokenExchange.response!.body))
    expect(entry?.response.bodySize).toBe(-1)
  })

  it('records a failed exchange with status 0, _failure and a comment', () => {
    const [entry] = toHar([corsFailure], { mask: false, creator }).log.entries
    expect(entry?.request.postData).toBeUndefined()
    expect(entry?.request.bodySize).toBe(0)
    expect(entry?.response).toEqual({
      status: 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _error: 'The response was blocked by CORS',
    })
    expect(entry?._failure).toEqual({ kind: 'cors', message: 'The response was blocked by CORS' })
    expect(entry?.comment).toBe('No response (cors): The response was blocked by CORS')
  })

  it('takes redirectURL from a Location header', () => {
    const redirect: HttpExchange = {
      ...tokenExchange,
      response: { status: 302, statusText: 'Found', headers: [{ name: 'Location', value: 'https://rp/cb' }], body: '' },
    }
    expect(toHar([redirect], { mask: false, creator }).log.entries[0]?.response.redirectURL).toBe('https://rp/cb')
  })

  it('leaves no secret in a masked HAR, in text, params or query', () => {
    const withQuerySecret: HttpExchange = { ...corsFailure, request: { ...corsFailure.request, url: 'https://idp.example/cb?code=auth-code-1&state=s' } }
    const exchanges = [tokenExchange, corsFailure, withQuerySecret]
    const text = JSON.stringify(toHar(exchanges, { mask: true, creator }))
    const secrets = exchanges.flatMap(listSecretsIn)
    expect(secrets).toEqual(expect.arrayContaining(['s3cr3t-value', 'eyJ.assert.ion', 'at-Ünïcode-9', 'rt-7', 'at-secret-2', 'auth-code-1']))
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).toContain('grant_type=client_credentials&scope=read+write')
  })

  it('keeps secrets when mask is off', () => {
    const text = JSON.stringify(toHar([tokenExchange], { mask: false, creator }))
    expect(text).toContain(btoa('my-client:s3cr3t-value'))
    expect(text).toContain('rt-7')
  })
})

describe('readHar', () => {
  it('round-trips exchanges through JSON exactly', () => {
    const har = JSON.parse(JSON.stringify(toHar([tokenExchange, corsFailure], { mask: false, creator }))) as unknown
    expect(readHar(har)).toEqual({ ok: true, exchanges: [tokenExchange, corsFailure] })
  })

  it('round-trips an exchange that has both a reply and a failure (a redirect not followed, through the relay)', () => {
    const redirect: HttpExchange = {
      ...tokenExchange,
      id: 'x3',
      response: { status: 302, statusText: 'Found', headers: [{ name: 'location', value: 'https://idp.example/login' }], body: '' },
      failure: { kind: 'redirect', message: 'https://idp.example answered with HTTP 302 to https://idp.example/login, not followed.' },
      via: 'relay',
    }
    const har = JSON.parse(JSON.stringify(toHar([redirect], { mask: false, creator }))) as unknown
    expect(readHar(har)).toEqual({ ok: true, exchanges: [redirect] })
  })

  it('imports a browser HAR without custom fields, decoding base64 content and status 0 errors', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: [
          {
            startedDateTime: '2025-01-02T03:04:05.000Z',
            time: 12.5,
            request: {
              method: 'POST',
              url: 'https://api.example/x',
              httpVersion: 'HTTP/2',
              headers: [{ name: ':authority', value: 'api.example' }],
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a b', value: 'c&d' }, { name: 'flag' }] },
            },
            response: {
              status: 200,
              statusText: '',
              headers: [],
              content: { size: 5, mimeType: 'text/plain', text: btoa('hello'), encoding: 'base64' },
            },
            timings: { send: 1, wait: 10, receive: 1.5 },
          },
          {
            startedDateTime: '2025-01-02T03:04:06.000Z',
            time: -1,
            request: { method: 'GET', url: 'https://api.example/y', headers: [] },
            response: { status: 0, statusText: '', headers: [], content: {}, _error: 'net::ERR_FAILED' },
          },
        ],
      },
    }
    expect(readHar(har)).toEqual({
      ok: true,
      exchanges: [
        {
          id: 'har-1',
          step: 'external-api',
          startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
          durationMs: 12.5,
          request: { method: 'POST', url: 'https://api.example/x', headers: [{ name: ':authority', value: 'api.example' }], body: 'a+b=c%26d&flag=' },
          response: { status: 200, statusText: '', headers: [], body: 'hello' },
          failure: null,
        },
        {
          id: 'har-2',
          step: 'external-api',
          startedAt: Date.UTC(2025, 0, 2, 3, 4, 6),
          durationMs: 0,
          request: { method: 'GET', url: 'https://api.example/y', headers: [], body: null },
          response: null,
          failure: { kind: 'network', message: 'net::ERR_FAILED' },
        },
      ],
    })
  })

  it("files a browser HAR's requests under their steps: discovery by its well-known path, token requests by grant_type", () => {
    const entry = (url: string, text?: string) => ({
      startedDateTime: '2025-01-02T03:04:05.000Z',
      time: 1,
      request: { method: text ? 'POST' : 'GET', url, headers: [], ...(text ? { postData: { mimeType: 'application/x-www-form-urlencoded', text } } : {}) },
      response: { status: 200, statusText: 'OK', headers: [], content: {} },
    })
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          entry('https://idp.example/.well-known/openid-configuration'),
          entry('https://idp.example/oauth/.well-known/oauth-authorization-server?x=1'),
          entry('https://idp.example/token', 'grant_type=client_credentials&scope=read'),
          entry('https://idp.example/token', 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=d'),
          entry('https://idp.example/token', 'grant_type=refresh_token&refresh_token=r'),
          entry('https://idp.example/token', 'grant_type=authorization_code&code=c'),
          entry('https://idp.example/token', 'grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=t'),
          entry('https://idp.example/token', 'grant_type=constructor'),
          entry('https://api.example/orders'),
        ],
      },
    }
    const read = readHar(har)
    expect(read.ok && read.exchanges.map(({ step }) => step)).toEqual([
      'discovery',
      'discovery',
      'client-credentials',
      'device-poll',
      'refresh',
      'authorization-code',
      'token-exchange',
      'external-api',
      'external-api',
    ])
  })

  it('names the path of the first problem', () => {
    const har = JSON.parse(JSON.stringify(toHar([tokenExchange, corsFailure], { mask: false, creator }))) as {
      log: { entries: { request: Record<string, unknown> }[] }
    }
    har.log.entries[1]!.request.url = null
    expect(readHar(har)).toEqual({ ok: false, message: 'Invalid HAR: log.entries[1].request.url: expected a string, got null' })
  })

  it.each([
    [null, 'Invalid HAR: (top level): expected an object, got null'],
    [{}, 'Invalid HAR: log: expected an object'],
    [{ log: { version: '1.2', creator: { name: 'x', version: '1' } } }, 'Invalid HAR: log.entries: expected an array'],
  ])('rejects %j with a message naming the path', (input, message) => {
    expect(readHar(input)).toEqual({ ok: false, message })
  })

  it('points a session file given as HAR to the session import', () => {
    expect(readHar({ format: 'oauth-console-session', version: 1, environments: [], exchanges: [] })).toEqual({
      ok: false,
      message: 'This is an OAuth Console session file, not a HAR: import it as a session file.',
    })
  })

  it('rejects an entry whose startedDateTime is not a date', () => {
    const har = JSON.parse(JSON.stringify(toHar([tokenExchange], { mask: false, creator }))) as { log: { entries: Record<string, unknown>[] } }
    har.log.entries[0]!.startedDateTime = 'yesterday'
    expect(readHar(har)).toEqual({ ok: false, message: 'Invalid HAR: log.entries[0].startedDateTime: expected an ISO 8601 date' })
  })
})

describe('harTextParts and createHarBuilder', () => {
  it('write, batch by batch, the same document as toHar, unindented', async () => {
    const { createHarBuilder } = await import('./har-export.ts')
    const exchanges = [tokenExchange, { ...tokenExchange, id: 'x2' }, { ...tokenExchange, id: 'x3' }]
    const builder = createHarBuilder(creator, true)
    builder.add(exchanges.slice(0, 2))
    builder.add([])
    builder.add(exchanges.slice(2))
    const text = await builder.finish().text()
    expect(text).toBe(JSON.stringify(toHar(exchanges, { mask: true, creator })))
    expect(text).not.toContain('\n')
  })

  it('is a valid empty HAR for an empty log', async () => {
    const { createHarBuilder } = await import('./har-export.ts')
    const text = await createHarBuilder(creator, false).finish().text()
    expect(JSON.parse(text)).toEqual(toHar([], { mask: false, creator }))
  })
})

describe('utf8Length', () => {
  it('counts UTF-8 bytes like TextEncoder, surrogate pairs and lone surrogates included', async () => {
    const { utf8Length } = await import('./utf8-length.ts')
    for (const text of ['', 'ascii', 'é', '€uro', '😀', 'a\uD800b', '\uDC00', 'mixed é € 😀 \u0000']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})
