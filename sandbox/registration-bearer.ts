import type { ProviderContext, ProviderMiddleware } from 'oidc-provider'
import type Provider from 'oidc-provider'
import { SOFTWARE_TEMPLATE_POLICY } from './registration-templates.ts'

/** The scope a client-credentials token needs to register clients, as in the Curity tutorial. */
export const REGISTRATION_SCOPE = 'dcr'
/** Lifetime of the stand-in initial access token: one request. */
const STAND_IN_TTL_SECONDS = 60

function bearerToken(authorization: string): string | undefined {
  return /^Bearer +([\x21-\x7e]+)$/i.exec(authorization.trim())?.[1]
}

/** RFC 6750 §3: the challenge names the error; quotes are kept out of descriptions so the header stays valid. */
function reject(ctx: ProviderContext, realm: string, status: 401 | 403, error: string, description: string) {
  const scope = status === 403 ? `, scope="${REGISTRATION_SCOPE}"` : ''
  ctx.status = status
  ctx.set('WWW-Authenticate', `Bearer realm="${realm}", error="${error}", error_description="${description}"${scope}`)
  ctx.set('Cache-Control', 'no-store')
  ctx.body = { error, error_description: description }
}

/**
 * Guards POST to the registration endpoint: only a client-credentials access token carrying `dcr` may
 * register. oidc-provider authorizes registration with its own initial access tokens instead, and runs
 * registration policies (the software templates) only for those. So once the bearer passes, this swaps it for
 * a single-use initial access token carrying the template policy and lets oidc-provider register as usual.
 */
export function requireRegistrationBearer(provider: Provider, registrationPath: string): ProviderMiddleware {
  return async function registrationBearer(ctx, next) {
    if (ctx.method !== 'POST' || ctx.path !== registrationPath) return next()

    const token = bearerToken(ctx.get('Authorization'))
    if (!token) {
      reject(ctx, provider.issuer, 401, 'invalid_token', 'a Bearer access token with the dcr scope is required')
      return
    }
    const accessToken = await provider.ClientCredentials.find(token)
    if (!accessToken) {
      reject(ctx, provider.issuer, 401, 'invalid_token', 'the access token is unknown or expired')
      return
    }
    if (!(accessToken.scope ?? '').split(' ').includes(REGISTRATION_SCOPE)) {
      reject(ctx, provider.issuer, 403, 'insufficient_scope', 'the access token lacks the dcr scope')
      return
    }

    const standIn = new provider.InitialAccessToken({ expiresIn: STAND_IN_TTL_SECONDS, policies: [SOFTWARE_TEMPLATE_POLICY] })
    ctx.req.headers.authorization = `Bearer ${await standIn.save()}`
    try {
      await next()
    } finally {
      await standIn.destroy()
    }
    // oidc-provider adds a Bearer challenge to every registration error; a rejected body is not a token problem.
    if (ctx.status === 400) ctx.remove('WWW-Authenticate')
  }
}
