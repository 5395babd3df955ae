// One scenario per misbehaviour. Each is an issuer at /s/<name> on the hostile server, with the
// usual endpoints below it; a scenario overrides only what it breaks. `elsewhere` is the origin of
// the second listener, a different origin the hostile server points requests to.
import { gzipSync } from 'node:zlib'

/** A payload that runs script if it is ever rendered as HTML instead of text. */
export const SCRIPT_PAYLOAD = '<img src=x onerror="window.__hostileScriptRan=1"><script>window.__hostileScriptRan=1</script>'

/** Right-to-left override and ANSI colour escapes: text on screen that differs from the bytes. */
export const CONTROL_CHARS = '\u202Eevil\u202C\u001b[31mRED\u001b[0m'

let gzipBomb
/** 8 MiB of spaces compress to ~8 kB: over the console's cap, and quick to count. */
function gzipBombBody() {
  gzipBomb ??= gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20), { level: 9 })
  return gzipBomb
}

const json = (status, body, headers = {}) => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const redirectTo = (location) => ({ status: 307, headers: { location }, body: '' })

/** The well-behaved defaults every scenario starts from. */
export function defaultRoutes({ issuer }) {
  return {
    '/.well-known/openid-configuration': () =>
      json(200, {
        issuer,
        token_endpoint: `${issuer}/token`,
        device_authorization_endpoint: `${issuer}/device`,
        registration_endpoint: `${issuer}/register`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        introspection_endpoint: `${issuer}/introspect`,
      }),
    '/token': () => json(200, { access_token: 'hostile-access-token', token_type: 'Bearer', expires_in: 3600, scope: 'dcr' }),
    '/register': () =>
      json(201, { client_id: 'hostile-device-client', client_secret: 'hostile-secret', client_name: 'Hostile device client', token_endpoint_auth_method: 'client_secret_basic' }),
    '/device': () =>
      json(200, {
        device_code: 'hostile-device-code',
        user_code: 'HOST-ILE1',
        verification_uri: `${issuer}/activate`,
        verification_uri_complete: `${issuer}/activate?user_code=HOST-ILE1`,
        expires_in: 600,
        interval: 5,
      }),
    '/jwks': () => json(200, { keys: [] }),
  }
}

/** name -> routes that differ from the defaults. */
export function scenarioRoutes(name, { issuer, elsewhere }) {
  const other = `${elsewhere}/s/${name}`
  switch (name) {
    case 'cross-origin':
      return {
        '/.well-known/openid-configuration': () =>
          json(200, {
            issuer,
            token_endpoint: `${other}/token`,
            device_authorization_endpoint: `${other}/device`,
            registration_endpoint: `${other}/register`,
            jwks_uri: `${issuer}/jwks`,
          }),
      }
    case 'register-elsewhere':
      // A registration whose management URI (RFC 7592) is on another origin.
      return {
        '/register': () =>
          json(201, {
            client_id: 'managed-client', client_secret: 's', client_name: 'Managed client', token_endpoint_auth_method: 'client_secret_basic',
            registration_access_token: 'hostile-registration-access-token', registration_client_uri: `${other}/register/managed-client`,
          }),
      }
    case 'jwks-elsewhere':
      return {
        '/.well-known/openid-configuration': () =>
          json(200, { issuer, token_endpoint: `${issuer}/token`, jwks_uri: `${other}/jwks` }),
      }
    case 'mix-up':
      return {
        '/.well-known/openid-configuration': () =>
          json(200, { issuer: 'https://login.other.example/', token_endpoint: `${issuer}/token`, device_authorization_endpoint: `${issuer}/device` }),
      }
    case 'redirect-register':
      return { '/register': () => redirectTo(`${other}/register`) }
    case 'redirect-jwks':
      return { '/jwks': () => redirectTo(`${other}/jwks`) }
    case 'redirect-discovery':
      return { '/.well-known/openid-configuration': () => redirectTo(`${other}/.well-known/openid-configuration`) }
    case 'redirect-device':
      return { '/device': () => redirectTo(`${other}/device`) }
    case 'redirect-userinfo':
      return { '/userinfo': () => ({ status: 302, headers: { location: `${other}/userinfo` }, body: '' }) }
    case 'redirect-token':
      return { '/token': () => redirectTo(`${other}/token`) }
    case 'long-qr':
      return {
        '/device': () =>
          json(200, {
            device_code: 'dc', user_code: 'LONG-CODE', verification_uri: `${issuer}/activate`,
            verification_uri_complete: `${issuer}/activate?user_code=LONG-CODE&pad=${'a'.repeat(4000)}`, expires_in: 600, interval: 5,
          }),
      }
    case 'script-uri':
      return {
        '/device': () =>
          json(200, {
            device_code: 'dc', user_code: 'SCRI-PTED', verification_uri: 'data:text/html,<script>alert(1)</script>',
            verification_uri_complete: 'javascript:window.__hostileScriptRan=1', expires_in: 600, interval: 5,
          }),
      }
    case 'interval-huge':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'HUGE-WAIT', verification_uri: `${issuer}/activate`, expires_in: 600, interval: 1e9 }) }
    case 'data-uri':
      return {
        '/device': () =>
          json(200, {
            device_code: 'dc', user_code: 'DATA-URI', verification_uri: `${issuer}/activate`,
            verification_uri_complete: `data:text/html,${SCRIPT_PAYLOAD}`, expires_in: 600, interval: 5,
          }),
      }
    case 'interval-zero':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'ZERO-WAIT', verification_uri: `${issuer}/activate`, expires_in: 600, interval: 0 }) }
    case 'interval-text':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'TEXT-WAIT', verification_uri: `${issuer}/activate`, expires_in: 600, interval: 'soon' }) }
    case 'interval-missing':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'NO-WAIT', verification_uri: `${issuer}/activate`, expires_in: 600 }) }
    case 'long-user-code':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'U'.repeat(100_000), verification_uri: `${issuer}/activate`, expires_in: 600, interval: 5 }) }
    case 'stall-discovery':
      return { '/.well-known/openid-configuration': () => ({ stall: true }) }
    case 'stall-poll':
      return { '/token': () => ({ stall: true }) }
    case 'interval-negative':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'NEG-WAIT', verification_uri: `${issuer}/activate`, expires_in: 600, interval: -1 }) }
    case 'lifetime-huge':
      return { '/device': () => json(200, { device_code: 'dc', user_code: 'LONG-LIFE', verification_uri: `${issuer}/activate`, expires_in: 1e15, interval: 5 }) }
    case 'stall':
      return { '/token': () => ({ stall: true }), '/register': () => ({ stall: true }), '/device': () => ({ stall: true }) }
    case 'stall-body':
      return { '/token': () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token":"', stallAfterBody: true }) }
    case 'gzip-bomb':
      return {
        '/token': () => ({ status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipBombBody() }),
      }
    case 'huge-body':
      return { '/token': () => json(200, { access_token: 'big', token_type: 'Bearer', padding: 'p'.repeat(6 * 1024 * 1024) }) }
    case 'huge-client-name-6mb':
      return {
        '/register': () =>
          json(201, { client_id: 'hostile-6mb-client', client_secret: 's', client_name: `Big ${'N'.repeat(6 * 1024 * 1024)}` }),
      }
    case 'huge-client-name':
      return {
        '/register': () =>
          json(201, {
            client_id: 'hostile-big-client', client_secret: 's', token_endpoint_auth_method: 'client_secret_basic',
            client_name: `Big ${'N'.repeat(1_500_000)}`,
          }),
      }
    case 'long-text':
      return {
        '/token': () =>
          json(400, { error: 'invalid_request', error_description: `${SCRIPT_PAYLOAD} ${'x'.repeat(100_000)}` }),
      }
    case 'html-labelled-json':
      return {
        '/token': () =>
          json(200, { access_token: 'labelled-html-access-token', token_type: 'Bearer', expires_in: 60 }, { 'content-type': 'text/html' }),
      }
    case 'text-labelled-json':
      return {
        '/token': () =>
          json(200, { access_token: 'labelled-text-access-token', token_type: 'Bearer', expires_in: 60 }, { 'content-type': 'text/plain' }),
      }
    case 'unlabelled-json':
      return {
        '/token': () => ({ status: 200, headers: {}, body: JSON.stringify({ access_token: 'unlabelled-access-token', token_type: 'Bearer', expires_in: 60 }) }),
      }
    case 'html-labelled-registration':
      return {
        '/register': () =>
          json(201, { client_id: 'html-labelled-client', client_secret: 'html-labelled-client-secret', client_name: 'Labelled' }, { 'content-type': 'text/html' }),
      }
    case 'non-latin1-token':
      return { '/token': () => json(200, { access_token: 'tökén€-ünïcode', token_type: 'Bearer', expires_in: 3600, scope: 'dcr' }) }
    case 'dpop':
      return { '/token': () => json(200, { access_token: 'dpop-bound-token', token_type: 'DPoP', expires_in: 3600, scope: 'dcr' }) }
    case 'control-chars':
      return {
        '/device': () =>
          json(200, { device_code: 'dc', user_code: `AB${CONTROL_CHARS}CD`, verification_uri: `${issuer}/activate`, expires_in: 600, interval: 5 }),
        '/token': () => json(400, { error: 'access_denied', error_description: `Denied ${CONTROL_CHARS} ${SCRIPT_PAYLOAD}` }),
        '/register': () =>
          json(201, { client_id: 'rtl-client', client_secret: 's', client_name: `Name ${CONTROL_CHARS}`, token_endpoint_auth_method: 'client_secret_basic' }),
      }
    case 'control-error':
      return { '/token': () => json(400, { error: `invalid_client${CONTROL_CHARS}`, error_description: 'plain' }) }
    default:
      return null
  }
}
