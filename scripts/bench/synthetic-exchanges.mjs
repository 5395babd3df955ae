// A deterministic HTTP log that looks like a long support session: every step, token replies with
// JWT-sized tokens, some OAuth errors, some 5xx and some requests that got no response.

const ISSUER = 'https://idsvr.example.com/oauth/v2/oauth-anonymous'
const STEPS = [
  'discovery',
  'client-credentials',
  'external-api',
  'device-authorization',
  'device-poll',
  'introspection',
  'refresh',
  'revocation',
  'userinfo',
  'jwks',
]
const BASIC = `Basic ${Buffer.from('www:Password1').toString('base64')}`
const FORM = { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }
const JSON_TYPE = { name: 'Content-Type', value: 'application/json' }

function fakeJwt(index) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = part({ alg: 'RS256', kid: 'bench-key', typ: 'JWT' })
  const claims = part({ iss: ISSUER, sub: `user-${index % 500}`, aud: 'www', iat: 1_767_225_600 + index, exp: 1_767_229_200 + index })
  return `${header}.${claims}.${'s'.repeat(342)}`
}

function requestFor(step, index) {
  switch (step) {
    case 'discovery':
      return { method: 'GET', url: `${ISSUER}/.well-known/openid-configuration`, headers: [], body: null }
    case 'jwks':
      return { method: 'GET', url: `${ISSUER}/jwks`, headers: [], body: null }
    case 'userinfo':
      return { method: 'GET', url: `${ISSUER}/userinfo`, headers: [{ name: 'Authorization', value: `Bearer at-${index}` }], body: null }
    case 'external-api':
      return {
        method: 'POST',
        url: `${ISSUER}/registration`,
        headers: [{ name: 'Authorization', value: `Bearer dcr-${index}` }, JSON_TYPE],
        body: JSON.stringify({ software_id: 'device-client', client_name: `Kiosk ${index}` }),
      }
    default:
      return {
        method: 'POST',
        url: `${ISSUER}/${step === 'introspection' ? 'introspect' : step === 'revocation' ? 'revoke' : 'token'}`,
        headers: [{ name: 'Authorization', value: BASIC }, FORM],
        body: `grant_type=${step === 'refresh' ? 'refresh_token' : 'client_credentials'}&scope=openid%20offline_access&request=${index}`,
      }
  }
}

function okBody(step, index) {
  if (step === 'discovery') return JSON.stringify({ issuer: ISSUER, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` })
  if (step === 'jwks') return JSON.stringify({ keys: [{ kty: 'RSA', kid: 'bench-key', n: 'n'.repeat(342), e: 'AQAB' }] })
  if (step === 'introspection') return JSON.stringify({ active: true, sub: `user-${index % 500}`, client_id: 'www', scope: 'openid' })
  if (step === 'revocation') return ''
  if (step === 'userinfo') return JSON.stringify({ sub: `user-${index % 500}`, name: `Demo User ${index % 500}` })
  return JSON.stringify({
    access_token: `at-${index}-${'a'.repeat(40)}`,
    token_type: 'Bearer',
    expires_in: 300,
    refresh_token: `rt-${index}-${'r'.repeat(40)}`,
    id_token: fakeJwt(index),
    scope: 'openid offline_access',
  })
}

/** Count exchanges, oldest first: ~80% 2xx, 8% invalid_grant (400), 4% 401, 3% 503, 5% no response. */
export function syntheticExchanges(count, start = Date.UTC(2026, 0, 1)) {
  const exchanges = []
  for (let index = 0; index < count; index++) {
    const step = STEPS[index % STEPS.length]
    const roll = (index * 37) % 100
    const base = { id: `bench-${index}`, step, startedAt: start + index * 1_000, durationMs: 20 + (index % 80), request: requestFor(step, index) }
    if (roll >= 95) {
      exchanges.push({ ...base, response: null, failure: { kind: 'network', message: 'The server at idsvr.example.com did not answer.' } })
      continue
    }
    const [status, statusText, body] =
      roll < 80
        ? [200, 'OK', okBody(step, index)]
        : roll < 88
          ? [400, 'Bad Request', JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token is expired' })]
          : roll < 92
            ? [401, 'Unauthorized', JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed' })]
            : [503, 'Service Unavailable', '<html><body><h1>503 Service Unavailable</h1></body></html>']
    const contentType = status === 503 ? { name: 'Content-Type', value: 'text/html' } : JSON_TYPE
    exchanges.push({ ...base, response: { status, statusText, headers: [contentType, { name: 'Cache-Control', value: 'no-store' }], body }, failure: null })
  }
  return exchanges
}
