import type { HttpExchange } from './http-exchange.ts'
import { MASK, createRedactor, isSecretField, listSecretsIn, maskExchange, maskHeaderValue } from './masking.ts'

function exchange(overrides: {
  url?: string
  requestHeaders?: [string, string][]
  body?: string | null
  responseHeaders?: [string, string][]
  responseBody?: string
}): HttpExchange {
  return {
    id: 'x1',
    step: 'client-credentials',
    startedAt: 1_700_000_000_000,
    durationMs: 42,
    request: {
      method: 'POST',
      url: overrides.url ?? 'https://idp.example/token',
      headers: (overrides.requestHeaders ?? []).map(([name, value]) => ({ name, value })),
      body: overrides.body ?? null,
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: (overrides.responseHeaders ?? []).map(([name, value]) => ({ name, value })),
      body: overrides.responseBody ?? '',
    },
    failure: null,
  }
}

const basic = `Basic ${btoa('my-client:s3cr%2Bet')}`

describe('maskHeaderValue', () => {
  it.each([
    ['Authorization', basic, `Basic ${MASK}`],
    ['authorization', 'Bearer eyJhbGciOi.abc.def', `Bearer ${MASK}`],
    ['Authorization', 'DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU', `DPoP ${MASK}`],
    ['Authorization', 'rawtokenwithoutscheme', MASK],
    ['Proxy-Authorization', 'Basic dXNlcjpwYXNz', `Basic ${MASK}`],
    ['Cookie', 'session=abc123; csrf=xyz', `session=${MASK}; csrf=${MASK}`],
    ['Set-Cookie', 'sid=abc; Path=/; HttpOnly; SameSite=Lax', `sid=${MASK}; Path=/; HttpOnly; SameSite=Lax`],
    ['Location', 'https://app.example/cb?code=SplxlOBe&state=af0i', `https://app.example/cb?code=${MASK}&state=af0i`],
    ['Content-Type', 'application/json', 'application/json'],
    ['DPoP', 'eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.sig', 'eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.sig'],
  ])('masks %s: %s', (name, value, expected) => {
    expect(maskHeaderValue(name, value)).toBe(expected)
  })

  it('leaves an empty Authorization value empty', () => {
    expect(maskHeaderValue('Authorization', '')).toBe('')
  })
})

describe('isSecretField', () => {
  it('treats credentials as secret and client_id, user_code, grant_type as not', () => {
    for (const name of ['client_secret', 'code', 'code_verifier', 'refresh_token', 'subject_token', 'device_code']) {
      expect(isSecretField(name)).toBe(true)
    }
    for (const name of ['client_id', 'user_code', 'grant_type', 'scope', 'state']) expect(isSecretField(name)).toBe(false)
  })

  it('uses the JSON list for JSON members: id_token is secret, code is not', () => {
    expect(isSecretField('id_token', 'json')).toBe(true)
    expect(isSecretField('code', 'json')).toBe(false)
    expect(isSecretField('user_code', 'json')).toBe(false)
  })
})

describe('maskExchange', () => {
  it('masks secret form fields and keeps every other byte of the body', () => {
    const body = 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA&client_id=my+app&client_secret=a%2Bb&scope=read'
    const masked = maskExchange(exchange({ requestHeaders: [['Content-Type', 'application/x-www-form-urlencoded']], body }))
    expect(masked.request.body).toBe(`grant_type=refresh_token&refresh_token=${MASK}&client_id=my+app&client_secret=${MASK}&scope=read`)
  })

  it('masks every listed form field', () => {
    const names = ['client_assertion', 'assertion', 'access_token', 'device_code', 'code', 'code_verifier', 'password', 'token', 'id_token_hint', 'subject_token', 'actor_token', 'registration_access_token']
    const body = names.map((name) => `${name}=v-${name}`).join('&')
    const masked = maskExchange(exchange({ requestHeaders: [['content-type', 'application/x-www-form-urlencoded']], body }))
    expect(masked.request.body).toBe(names.map((name) => `${name}=${MASK}`).join('&'))
  })

  it('masks secret JSON members at any depth, leaving user_code, client_id and layout alone', () => {
    const body = '{\n  "access_token": "at-1",\n  "nested": {"refresh_token": "rt-1", "list": [{"id_token": "eyJ.x.y"}]},\n  "user_code": "WDJB-MJHT",\n  "client_id": "c1",\n  "expires_in": 3600\n}'
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'application/json']], responseBody: body }))
    expect(masked.response?.body).toBe(
      `{\n  "access_token": "${MASK}",\n  "nested": {"refresh_token": "${MASK}", "list": [{"id_token": "${MASK}"}]},\n  "user_code": "WDJB-MJHT",\n  "client_id": "c1",\n  "expires_in": 3600\n}`,
    )
  })

  it('masks a registration response: client_secret and registration_access_token', () => {
    const body = '{"client_id":"c1","client_secret":"cs-1","registration_access_token":"rat-1","registration_client_uri":"https://idp/reg/c1"}'
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'application/json']], responseBody: body }))
    expect(JSON.parse(masked.response!.body)).toEqual({
      client_id: 'c1',
      client_secret: MASK,
      registration_access_token: MASK,
      registration_client_uri: 'https://idp/reg/c1',
    })
  })

  it('does not mask a value that merely equals a secret field name', () => {
    const body = '{"note":"access_token","list":["password"]}'
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'application/json']], responseBody: body }))
    expect(masked.response?.body).toBe(body)
  })

  it('sniffs the body format when there is no Content-Type', () => {
    const masked = maskExchange(exchange({ body: 'code=abc&code_verifier=xyz', responseBody: '{"access_token":"t"}' }))
    expect(masked.request.body).toBe(`code=${MASK}&code_verifier=${MASK}`)
    expect(masked.response?.body).toBe(`{"access_token":"${MASK}"}`)
  })

  it('masks a form-encoded token response (GitHub style)', () => {
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'application/x-www-form-urlencoded']], responseBody: 'access_token=gho_16C7e42F&scope=repo&token_type=bearer' }))
    expect(masked.response?.body).toBe(`access_token=${MASK}&scope=repo&token_type=bearer`)
  })

  it('masks secret query and fragment parameters and a URL password', () => {
    const masked = maskExchange(exchange({ url: 'https://user:pw@api.example/cb?code=abc&client_id=c1&state=s#access_token=t&x=1' }))
    expect(masked.request.url).toBe(`https://user:${MASK}@api.example/cb?code=${MASK}&client_id=c1&state=s#access_token=${MASK}&x=1`)
  })

  it('masks request and response headers, keeping schemes and names', () => {
    const masked = maskExchange(exchange({ requestHeaders: [['Authorization', basic], ['Accept', 'application/json']], responseHeaders: [['Set-Cookie', 'sid=1; Secure']] }))
    expect(masked.request.headers).toEqual([
      { name: 'Authorization', value: `Basic ${MASK}` },
      { name: 'Accept', value: 'application/json' },
    ])
    expect(masked.response?.headers).toEqual([{ name: 'Set-Cookie', value: `sid=${MASK}; Secure` }])
  })

  it('leaves HTML and text bodies as they are', () => {
    const html = '<form><input name="password" value="x"></form>'
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'text/html']], responseBody: html }))
    expect(masked.response?.body).toBe(html)
  })

  it('masks a JSON token reply whose Content-Type says text/html, as it is parsed', () => {
    const body = '{"access_token":"at-lying-type","refresh_token":"rt-lying-type","token_type":"Bearer"}'
    const lying = exchange({ responseHeaders: [['Content-Type', 'text/html']], responseBody: body })
    const masked = maskExchange(lying)
    expect(masked.response?.body).toBe(`{"access_token":"${MASK}","refresh_token":"${MASK}","token_type":"Bearer"}`)
    expect(listSecretsIn(lying)).toEqual(expect.arrayContaining(['at-lying-type', 'rt-lying-type']))
  })

  it('masks a truncated JSON reply and a form reply labelled text/html', () => {
    const truncated = maskExchange(exchange({ responseHeaders: [['Content-Type', 'text/plain']], responseBody: '{"access_token":"at-cut","id_tok' }))
    expect(truncated.response?.body).toBe(`{"access_token":"${MASK}","id_tok`)
    const form = maskExchange(exchange({ responseHeaders: [['Content-Type', 'text/html']], responseBody: 'access_token=at-form&token_type=bearer' }))
    expect(form.response?.body).toBe(`access_token=${MASK}&token_type=bearer`)
  })

  it('returns a copy and leaves the original untouched', () => {
    const original = exchange({ requestHeaders: [['Authorization', basic]], body: 'client_secret=x' })
    const snapshot = structuredClone(original)
    const masked = maskExchange(original)
    expect(original).toEqual(snapshot)
    expect(masked).not.toBe(original)
    expect(masked.request.headers).not.toBe(original.request.headers)
  })

  it('masks every token in a multi-megabyte JSON body', () => {
    const items = Array.from({ length: 30_000 }, (_, index) => ({ id: index, access_token: `tok-${index}`, note: '<script>x</script>' }))
    const body = JSON.stringify({ items })
    const masked = maskExchange(exchange({ responseHeaders: [['Content-Type', 'application/json']], responseBody: body }))
    expect(body.length).toBeGreaterThan(2_000_000)
    expect(masked.response?.body).not.toMatch(/tok-\d/)
    expect(JSON.parse(masked.response!.body)).toEqual({ items: items.map((item) => ({ ...item, access_token: MASK })) })
    // A large body on a busy machine: the assertion is the outcome, the budget only keeps it from failing on load.
  }, 30_000)

  it('keeps a failed exchange without a response', () => {
    const failed: HttpExchange = { ...exchange({ body: 'password=p' }), response: null, failure: { kind: 'cors', message: 'blocked' } }
    const masked = maskExchange(failed)
    expect(masked.response).toBeNull()
    expect(masked.failure).toEqual({ kind: 'cors', message: 'blocked' })
    expect(masked.request.body).toBe(`password=${MASK}`)
  })

  it('masks a failure message as the rest: the code in where a redirect pointed, and a secret found elsewhere', () => {
    const redirected: HttpExchange = {
      ...exchange({ body: 'grant_type=client_credentials&client_secret=top-secret-value' }),
      response: { status: 302, statusText: 'Found', headers: [{ name: 'Location', value: 'https://idp.example/login?code=SPLxl0&state=s1' }], body: '' },
      failure: {
        kind: 'redirect',
        message: 'https://idp.example answered with HTTP 302 to https://idp.example/login?code=SPLxl0&state=s1, not followed (top-secret-value).',
      },
    }
    const masked = maskExchange(redirected)
    expect(masked.failure).toEqual({
      kind: 'redirect',
      message: `https://idp.example answered with HTTP 302 to https://idp.example/login?code=${MASK}&state=s1, not followed (${MASK}).`,
    })
    expect(masked.response!.headers[0]!.value).toBe(`https://idp.example/login?code=${MASK}&state=s1`)
    expect(listSecretsIn(redirected)).toContain('SPLxl0')
  })
})

describe('listSecretsIn', () => {
  it('lists raw and decoded secrets, including the decoded Basic secret but not the client_id', () => {
    const secrets = listSecretsIn(
      exchange({
        url: 'https://idp.example/token?token=q1',
        requestHeaders: [['Authorization', basic], ['Content-Type', 'application/x-www-form-urlencoded']],
        body: 'grant_type=password&password=p%40ss&username=alice',
        responseHeaders: [['Content-Type', 'application/json']],
        responseBody: '{"access_token":"at-9","refresh_token":"rt-9","expires_in":60}',
      }),
    )
    expect(secrets.sort()).toEqual(
      ['q1', btoa('my-client:s3cr%2Bet'), 's3cr%2Bet', 's3cr+et', 'p%40ss', 'p@ss', 'at-9', 'rt-9'].sort(),
    )
    expect(secrets).not.toContain('my-client')
  })

  it('finds nothing in a masked exchange', () => {
    const original = exchange({ requestHeaders: [['Authorization', 'Bearer abc']], body: 'code=1' })
    expect(listSecretsIn(maskExchange(original))).toEqual([])
  })

  it('leaves no listed secret anywhere in the masked exchange', () => {
    const original = exchange({
      url: 'https://idp.example/x?refresh_token=r1',
      requestHeaders: [['Authorization', basic], ['Cookie', 'a=cookie1']],
      body: '{"client_assertion":"ca1","password":"pw1"}',
      responseHeaders: [['Location', 'https://rp/cb?code=c9']],
      responseBody: 'id_token=ignored-in-form&access_token=at1',
    })
    const text = JSON.stringify(maskExchange(original))
    for (const secret of listSecretsIn(original)) expect(text).not.toContain(secret)
  })
})

describe('createRedactor', () => {
  it('replaces every occurrence of a known secret, and a JWT signature shown on its own', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJlLXZhbHVl'
    const redact = createRedactor(['Password1', jwt])
    expect(redact(`secret Password1, again Password1; token ${jwt}`)).toBe(`secret ${MASK}, again ${MASK}; token ${MASK}`)
    expect(redact('signature: c2lnbmF0dXJlLXZhbHVl')).toBe(`signature: ${MASK}`)
  })

  it('treats secrets as literal text, not patterns', () => {
    expect(createRedactor(['a.b*c+d'])('x a.b*c+d y aXbbbcd')).toBe(`x ${MASK} y aXbbbcd`)
  })

  it('leaves values too short to tell from ordinary words, and text without secrets, as they are', () => {
    expect(createRedactor(['code'])('a code')).toBe('a code')
    expect(createRedactor([])('anything')).toBe('anything')
  })

  it('redacts what listSecretsIn finds, so screen and export agree', () => {
    const recorded = exchange({ requestHeaders: [['Authorization', basic]], body: 'grant_type=client_credentials' })
    const redact = createRedactor(listSecretsIn(recorded))
    expect(redact(`authorization: ${basic}`)).toBe(`authorization: Basic ${MASK}`)
  })
})
