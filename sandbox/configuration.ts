/**
 * What the sandbox serves, as data: paths, the `www` client, the DCR templates, the demo user and token
 * lifetimes. Everything here follows from the options; the code that acts on it lives in the other modules.
 */

export interface SandboxOptions {
  port: number
  host: string
  allowedOrigins: string[]
  /** Seconds a device should wait between polls (RFC 8628 §3.2 `interval`). */
  interval: number
  /** Seconds a device_code lives (RFC 8628 §3.2 `expires_in`). */
  deviceCodeTtl: number
  wwwSecret: string
  /** Origin other machines use to reach the sandbox (a phone scanning the QR code); issuer and URLs use it. */
  publicUrl?: string
  /** Behaviours of real servers the console must diagnose, off by default (see auth-quirks.ts). */
  quirks: SandboxQuirks
}

/** Each one reproduces a pitfall seen with real identity servers, for tests and for workshops. */
export interface SandboxQuirks {
  /** Curity: a device-code poll authenticated with Basic alone is refused, "client_id is missing". */
  pollRequiresClientId: boolean
  /** The registered token_endpoint_auth_method is enforced: the other secret method gets 403 unauthorized_client. */
  strictAuthMethod: boolean
  /** The device authorization reply has no `interval` (clients must use 5 s, RFC 8628 §3.2). */
  noInterval: boolean
  /** The device authorization reply has no `verification_uri_complete`. */
  noCompleteUri: boolean
  /** The first pending poll of each device code is answered slow_down, however late it comes. */
  slowDownFirst: boolean
}

export const NO_QUIRKS: SandboxQuirks = {
  pollRequiresClientId: false,
  strictAuthMethod: false,
  noInterval: false,
  noCompleteUri: false,
  slowDownFirst: false,
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  port: 8443,
  host: '127.0.0.1',
  allowedOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'],
  interval: 5,
  deviceCodeTtl: 600,
  wwwSecret: 'Password1',
  quirks: NO_QUIRKS,
}

/** Curity's default endpoint paths, so what people learn here matches the tutorial. */
export const PATHS = {
  issuer: '/oauth/v2/oauth-anonymous',
  discovery: '/oauth/v2/oauth-anonymous/.well-known/openid-configuration',
  authorizationServerMetadata: '/.well-known/oauth-authorization-server/oauth/v2/oauth-anonymous',
  jwks: '/oauth/v2/oauth-anonymous/jwks',
  authorization: '/oauth/v2/oauth-authorize',
  pushedAuthorization: '/oauth/v2/oauth-par',
  token: '/oauth/v2/oauth-token',
  deviceAuthorization: '/oauth/v2/oauth-device-authorization',
  deviceVerification: '/oauth/v2/oauth-device/verify',
  registration: '/token-service/oauth-registration',
  introspection: '/oauth/v2/oauth-introspect',
  revocation: '/oauth/v2/oauth-revoke',
  userinfo: '/oauth/v2/oauth-userinfo',
  endSession: '/oauth/v2/oauth-session/logout',
  interaction: '/oauth/v2/oauth-interaction',
  faults: '/faults',
} as const

export const DEMO_USER = {
  username: 'demo',
  password: 'demo',
  claims: {
    sub: 'demo',
    name: 'Demo User',
    given_name: 'Demo',
    family_name: 'User',
    preferred_username: 'demo',
    email: 'demo@example.com',
    email_verified: true,
  },
} as const

export const CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  email: ['email', 'email_verified'],
}

/** Scopes that carry no user claims; oidc-provider only grants scopes it has been told about. */
export const PLAIN_SCOPES = ['openid', 'offline_access', 'dcr', 'read']

/** Shown on the consent page so a workshop audience sees what each scope means. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Confirm who you are (ID token)',
  profile: 'Your name and username',
  email: 'Your email address',
  offline_access: 'Stay connected when you are away (refresh token)',
  read: 'Read your data',
  dcr: 'Register new clients',
}

/** RFC 8693 §2.1; the sandbox registers it with oidc-provider in token-exchange.ts. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** Body of a DCR request is replaced by the template its `software_id` names, as in Curity's templatized DCR. */
export const SOFTWARE_TEMPLATES: Record<string, Record<string, unknown>> = {
  'device-client': {
    client_name: 'device-client',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'openid profile email offline_access read',
  },
}

/** What a device authorization request without `scope` is given (RFC 6749 §3.3 "pre-defined default value"). */
export const DEFAULT_DEVICE_SCOPE = 'openid'

/** Lifetimes in seconds. Short enough to watch expire in a workshop, long enough to finish a flow. */
export const TOKEN_LIFETIMES = {
  AccessToken: 3600,
  AuthorizationCode: 60,
  ClientCredentials: 3600,
  IdToken: 3600,
  RefreshToken: 24 * 3600,
  Interaction: 600,
  Session: 24 * 3600,
  Grant: 24 * 3600,
}

/** A wildcard bind address is not something a browser can open, so URLs name the loopback address instead. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

export function sandboxConfiguration(options: SandboxOptions, port: number) {
  const publicUrl = (options.publicUrl ?? `http://${hostForUrl(options.host)}:${port}`).replace(/\/+$/, '')
  return {
    publicUrl,
    issuer: `${publicUrl}${PATHS.issuer}`,
    allowedOrigins: new Set(options.allowedOrigins),
    interval: options.interval,
    deviceCodeTtl: options.deviceCodeTtl,
    quirks: options.quirks,
    clients: [
      {
        client_id: 'www',
        client_secret: options.wwwSecret,
        client_name: 'www',
        grant_types: ['client_credentials', 'authorization_code', 'refresh_token', TOKEN_EXCHANGE_GRANT],
        response_types: ['code'],
        // The console's callback page, on each origin it may be served from.
        // With no origin allowed (--cors-origins none, the console behind a relay) the default ones stand in.
        redirect_uris: (options.allowedOrigins.length > 0 ? options.allowedOrigins : DEFAULT_OPTIONS.allowedOrigins).map(
          (origin) => `${origin}/callback`,
        ),
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'dcr openid profile email offline_access read',
      },
    ],
    ttl: { ...TOKEN_LIFETIMES, DeviceCode: options.deviceCodeTtl },
  }
}

export type SandboxConfiguration = ReturnType<typeof sandboxConfiguration>
