import { randomBytes, randomUUID, type JsonWebKey } from 'node:crypto'
import Provider, { type ClientRecord, type ErrorOut, type ProviderContext, type ProviderMiddleware } from 'oidc-provider'
import {
  CLAIMS_BY_SCOPE,
  DEFAULT_DEVICE_SCOPE,
  DEMO_USER,
  PATHS,
  PLAIN_SCOPES,
  SOFTWARE_TEMPLATES,
  type SandboxConfiguration,
} from './configuration.ts'
import { authQuirks } from './auth-quirks.ts'
import { corsGuard } from './cors.ts'
import { successSource, userCodeConfirmSource, userCodeInputSource } from './device-pages.ts'
import { defaultDeviceScope } from './default-device-scope.ts'
import { deviceFlowRules } from './device-flow-rules.ts'
import { errorPage } from './interaction-pages.ts'
import { createMemoryStore, type MemoryStore } from './memory-adapter.ts'
import { requireRegistrationBearer } from './registration-bearer.ts'
import { SOFTWARE_TEMPLATE_POLICY, softwareTemplatePolicy } from './registration-templates.ts'
import { SIGNING_ALGORITHM } from './signing-keys.ts'
import { registerTokenExchange } from './token-exchange.ts'

/** oidc-provider's route names for the device verification page and its return from sign-in and consent. */
const DEVICE_ROUTES = new Set(['code_verification', 'device_resume'])

function findAccount(_ctx: ProviderContext, sub: string) {
  if (sub !== DEMO_USER.claims.sub) return undefined
  return { accountId: sub, claims: async () => ({ ...DEMO_USER.claims }) }
}

/**
 * Reuse an earlier grant for the authorization code flow (single sign-on), but always ask again on a device:
 * the consent page is where the user sees which client the code belongs to (RFC 8628 §5.4).
 */
async function loadExistingGrant(ctx: ProviderContext) {
  const oidc = ctx.oidc
  if (!oidc?.client) return undefined
  const reusable = DEVICE_ROUTES.has(oidc.route) ? undefined : oidc.session?.grantIdFor(oidc.client.clientId)
  const grantId = oidc.result?.consent?.grantId ?? reusable
  return grantId ? oidc.provider.Grant.find(grantId) : undefined
}

export interface ProviderExtras {
  /** The store the provider keeps its records in; a fresh one nobody else reads when absent. */
  store?: MemoryStore
  /** Runs outermost around every request, to observe answers after every other rule had its say. */
  observer?: ProviderMiddleware
}

/** oidc-provider configured for the sandbox; every hook it would otherwise warn about is supplied. */
export function createProvider(config: SandboxConfiguration, jwks: { keys: JsonWebKey[] }, extras: ProviderExtras = {}): Provider {
  const provider = new Provider(config.issuer, {
    adapter: (extras.store ?? createMemoryStore()).Adapter,
    jwks,
    clients: config.clients,
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: SIGNING_ALGORITHM,
    },
    // Advertise only what the one key can sign.
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALGORITHM], userinfoSigningAlgValues: [SIGNING_ALGORITHM] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Lax rather than oidc-provider's None: plain http has no Secure cookies, and browsers drop None without it.
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    // The authorization code flow only, as OAuth 2.1 keeps it; the console has no use for implicit or hybrid.
    responseTypes: ['code'],
    claims: CLAIMS_BY_SCOPE,
    scopes: PLAIN_SCOPES,
    extraClientMetadata: { properties: ['software_id'] },
    findAccount,
    loadExistingGrant,
    // The device-client template has the refresh_token grant but no need to ask for offline_access, as at Curity.
    issueRefreshToken: async (_ctx: ProviderContext, client: ClientRecord) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: async (_ctx: ProviderContext, interaction: { uid: string }) => `${PATHS.interaction}/${interaction.uid}` },
    // PKCE is required of public clients; a confidential client may go without, so the console can show both
    // (RFC 9700 §2.1.1: confidential OpenID Connect clients may rely on nonce instead).
    pkce: { methods: ['S256'], required: (_ctx: ProviderContext, client: ClientRecord) => client.clientAuthMethod === 'none' },
    clientBasedCORS: (_ctx: ProviderContext, origin: string) => config.allowedOrigins.has(origin),
    renderError: async (ctx: ProviderContext, out: ErrorOut) => {
      ctx.type = 'html'
      ctx.body = errorPage(out)
    },
    routes: {
      authorization: PATHS.authorization,
      code_verification: PATHS.deviceVerification,
      device_authorization: PATHS.deviceAuthorization,
      end_session: PATHS.endSession,
      introspection: PATHS.introspection,
      jwks: PATHS.jwks,
      pushed_authorization_request: PATHS.pushedAuthorization,
      registration: PATHS.registration,
      revocation: PATHS.revocation,
      token: PATHS.token,
      userinfo: PATHS.userinfo,
    },
    ttl: config.ttl,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true, charset: 'base-20', mask: '****-****', userCodeInputSource, userCodeConfirmSource, successSource },
      registration: {
        enabled: true,
        initialAccessToken: true,
        policies: { [SOFTWARE_TEMPLATE_POLICY]: softwareTemplatePolicy(SOFTWARE_TEMPLATES) },
        idFactory: () => randomUUID(),
      },
      introspection: {
        enabled: true,
        // oidc-provider's default rule, stated here so it does not print a notice: public clients see only their own tokens.
        allowedPolicy: async (_ctx: ProviderContext, client: ClientRecord, token: { clientId?: string }) =>
          client.clientAuthMethod !== 'none' || token.clientId === client.clientId,
      },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      // RFC 9126: the console pushes its authorization request when asked to.
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      // RFC 9449, with server nonces so a client meets the use_dpop_nonce challenge and its retry (§8).
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
      // RFC 7592: a registered client reads, updates and deletes itself with its registration_access_token.
      registrationManagement: { enabled: true, rotateRegistrationAccessToken: true },
      // Not part of the sandbox's flows; off so its pages need no templates.
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: { enabled: false },
    },
  })

  registerTokenExchange(provider)
  // request-dispatcher.ts sets X-Forwarded-Host/Proto from the public URL, so every URL oidc-provider builds uses it.
  provider.proxy = true
  if (extras.observer) provider.use(extras.observer)
  provider.use(corsGuard(config.allowedOrigins))
  provider.use(requireRegistrationBearer(provider, PATHS.registration))
  provider.use(defaultDeviceScope({ deviceAuthorizationPath: PATHS.deviceAuthorization, scope: DEFAULT_DEVICE_SCOPE }))
  provider.use(authQuirks(provider, config.quirks, { tokenPath: PATHS.token, deviceAuthorizationPath: PATHS.deviceAuthorization }))
  provider.use(
    deviceFlowRules({
      interval: config.interval,
      deviceCodeTtl: config.deviceCodeTtl,
      tokenPath: PATHS.token,
      deviceAuthorizationPath: PATHS.deviceAuthorization,
    }),
  )
  return provider
}
