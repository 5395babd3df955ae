import type { IncomingMessage } from 'node:http'
import type { ProviderMiddleware } from 'oidc-provider'
import { readBody, withBody } from './read-body.ts'

const MAX_BODY_BYTES = 56 * 1024

/**
 * A device authorization request without `scope` gets the sandbox's pre-defined default scope, as RFC 6749
 * §3.3 allows. Without it oidc-provider ends the user's approval with access_denied ("no scope was granted"),
 * while Curity, which the tutorial uses, accepts a scope-less device flow.
 */
export function defaultDeviceScope(options: { deviceAuthorizationPath: string; scope: string }): ProviderMiddleware {
  return async function defaultScope(ctx, next) {
    const isForm = (ctx.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
    if (ctx.method === 'POST' && ctx.path === options.deviceAuthorizationPath && isForm) {
      const params = new URLSearchParams(await readBody(ctx.req, MAX_BODY_BYTES))
      if (!params.get('scope')?.trim()) params.set('scope', options.scope)
      const replacement = withBody(ctx.req, params.toString())
      ctx.req = replacement
      ;(ctx as unknown as { request: { req: IncomingMessage } }).request.req = replacement
    }
    await next()
  }
}
