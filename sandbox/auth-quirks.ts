import type { IncomingMessage } from 'node:http'
import type { ProviderContext, ProviderMiddleware } from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { SandboxQuirks } from './configuration.ts'
import { readBody, withBody } from './read-body.ts'

const MAX_BODY_BYTES = 56 * 1024
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** How a token request authenticated its client, as far as the sandbox needs to tell methods apart. */
function usedAuthMethod(authorization: string, params: URLSearchParams): { clientId: string | null; method: string } {
  const basic = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(authorization.trim())
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8')
    const user = decoded.slice(0, Math.max(0, decoded.indexOf(':')))
    return { clientId: decodeURIComponent(user.replace(/\+/g, ' ')), method: 'client_secret_basic' }
  }
  if (params.get('client_assertion_type') === JWT_BEARER_ASSERTION) {
    // The assertion's own alg tells the two JWT methods apart; oidc-provider checks it, the quirk need not.
    return { clientId: params.get('client_id'), method: 'jwt' }
  }
  if (params.has('client_secret')) return { clientId: params.get('client_id'), method: 'client_secret_post' }
  return { clientId: params.get('client_id'), method: 'none' }
}

function refuse(ctx: ProviderContext, status: number, error: string, description?: string) {
  ctx.status = status
  ctx.set('Cache-Control', 'no-store')
  ctx.body = description === undefined ? { error } : { error, error_description: description }
}

function isOAuthError(body: unknown, code: string): boolean {
  return typeof body === 'object' && body !== null && 'error' in body && body.error === code
}

/**
 * The pitfalls real servers have and oidc-provider does not, each behind a sandbox flag (cli-options.ts):
 * - `pollRequiresClientId` (Curity): a device-code poll authenticated with HTTP Basic alone is refused,
 *   400 invalid_request "client_id is missing"; adding client_id to the body (RFC 8628 §3.4 permits it), or
 *   client_secret_post, works. Refused before oidc-provider sees it, so no device code is spent.
 * - `strictAuthMethod`: the client's registered token_endpoint_auth_method is enforced (token and device
 *   authorization endpoints); oidc-provider accepts
 *   client_secret_basic and client_secret_post interchangeably. The other one gets 403 unauthorized_client,
 *   with a description as vague as the servers that do this.
 * - `noInterval`, `noCompleteUri`: the device authorization reply lacks `interval` / `verification_uri_complete`.
 * - `slowDownFirst`: the first pending poll of each device code is answered slow_down.
 * Registered before deviceFlowRules, so its reply changes see that module's reply.
 */
export function authQuirks(
  provider: Provider,
  quirks: SandboxQuirks,
  paths: { tokenPath: string; deviceAuthorizationPath: string },
): ProviderMiddleware {
  const slowedDown = new Set<string>()
  const readsTokenRequests = quirks.pollRequiresClientId || quirks.strictAuthMethod || quirks.slowDownFirst

  return async function applyQuirks(ctx, next) {
    const isForm = (ctx.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
    // The device authorization endpoint authenticates clients as the token endpoint does (RFC 8628 §3.1).
    const authenticates = ctx.method === 'POST' && (ctx.path === paths.tokenPath || ctx.path === paths.deviceAuthorizationPath) && isForm

    let params: URLSearchParams | null = null
    if (authenticates && readsTokenRequests) {
      const body = await readBody(ctx.req, MAX_BODY_BYTES)
      params = new URLSearchParams(body)
      const replacement: IncomingMessage = withBody(ctx.req, body)
      ctx.req = replacement
      ;(ctx as unknown as { request: { req: IncomingMessage } }).request.req = replacement

      const used = usedAuthMethod(ctx.get('authorization') ?? '', params)
      if (quirks.pollRequiresClientId && params.get('grant_type') === DEVICE_CODE_GRANT && used.method === 'client_secret_basic' && !params.has('client_id')) {
        refuse(ctx, 400, 'invalid_request', 'client_id is missing')
        return
      }
      if (quirks.strictAuthMethod && used.clientId && (used.method === 'client_secret_basic' || used.method === 'client_secret_post')) {
        const client = await provider.Client.find(used.clientId)
        const registered = client?.clientAuthMethod
        if (registered && registered !== used.method && (registered === 'client_secret_basic' || registered === 'client_secret_post')) {
          refuse(ctx, 403, 'unauthorized_client', 'The client is not authorized')
          return
        }
      }
    }

    await next()
    if (ctx.method !== 'POST') return

    if (ctx.path === paths.deviceAuthorizationPath && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      const reply: Record<string, unknown> = { ...ctx.body }
      if (quirks.noInterval) delete reply.interval
      if (quirks.noCompleteUri) delete reply.verification_uri_complete
      ctx.body = reply
      return
    }

    const deviceCode = params?.get('device_code')
    if (quirks.slowDownFirst && deviceCode && isOAuthError(ctx.body, 'authorization_pending') && !slowedDown.has(deviceCode)) {
      slowedDown.add(deviceCode)
      ctx.body = { error: 'slow_down', error_description: 'polling too often: add 5 seconds to the interval' }
    }
  }
}
