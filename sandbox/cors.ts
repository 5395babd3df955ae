import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProviderMiddleware } from 'oidc-provider'

// PUT and DELETE: RFC 7592 client management.
const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS'
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, DPoP'
/**
 * Headers the console reads to explain a reply: the Bearer challenge, the media type, caching directives, and
 * the DPoP nonce a client must echo in its next proof (RFC 9449 §8).
 */
const EXPOSE_HEADERS = 'WWW-Authenticate, Content-Type, Cache-Control, Pragma, Location, DPoP-Nonce'
const PREFLIGHT_MAX_AGE_SECONDS = '600'

/**
 * CORS for every path, decided once here: allowed origins get their origin echoed, any other origin gets no
 * Access-Control-Allow-Origin and the browser refuses to hand the reply to the page.
 * Returns 'answered' when the request was a preflight, which never reaches oidc-provider.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
): 'answered' | 'continue' {
  res.setHeader('Vary', 'Origin')
  const origin = req.headers.origin
  const allowed = origin !== undefined && allowedOrigins.has(origin)

  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin)
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS)
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS)
      res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS)
    }
    res.statusCode = 204
    res.end()
    return 'answered'
  }

  if (allowed) {
    // oidc-provider sees these headers already set and leaves CORS alone (lib/shared/cors.js).
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS)
  }
  return 'continue'
}

/**
 * oidc-provider middleware that keeps its CORS in line with applyCors for every other request: on discovery
 * and jwks it answers any Origin (and `*` when there is none). Its client-based CORS (token, device
 * authorization, introspection, revocation, userinfo) asks clientBasedCORS, configured with the same
 * allow-list, and refuses the request with invalid_request.
 */
export function corsGuard(allowedOrigins: ReadonlySet<string>): ProviderMiddleware {
  return async function keepCorsToAllowedOrigins(ctx, next) {
    await next()
    if (!allowedOrigins.has(ctx.get('Origin'))) {
      ctx.remove('Access-Control-Allow-Origin')
      ctx.remove('Access-Control-Expose-Headers')
    }
  }
}
