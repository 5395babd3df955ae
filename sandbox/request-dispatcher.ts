import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import { PATHS, type SandboxConfiguration } from './configuration.ts'
import { applyCors } from './cors.ts'
import { isFaultPath, serveFault } from './fault-endpoints.ts'
import { createInteractionHandler } from './interaction-routes.ts'
import { setSandboxSecurityHeaders } from './security-headers.ts'
import type { TrainerFeed } from './trainer-feed.ts'

/** Where oidc-provider serves discovery when mounted at the root, which is how the sandbox mounts it. */
const PROVIDER_DISCOVERY_PATH = '/.well-known/openid-configuration'

/**
 * oidc-provider builds every URL from the request's host and protocol. Presenting each request as coming
 * through a proxy for the public URL (provider.proxy is on) makes those URLs match the issuer even when the
 * request arrived at another name, and drops forwarding headers a caller might have sent itself.
 */
function presentAsPublicUrl(req: IncomingMessage, publicUrl: URL) {
  for (const name of Object.keys(req.headers)) if (name.startsWith('x-forwarded-')) delete req.headers[name]
  req.headers['x-forwarded-host'] = publicUrl.host
  req.headers['x-forwarded-proto'] = publicUrl.protocol.replace(/:$/, '')
}

function sendJson(res: ServerResponse, status: number, body: object) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * One listener for the whole sandbox, by path: CORS first (preflights end there), then the training faults,
 * the sign-in and consent pages, and everything else to oidc-provider, mounted at the root so that its
 * absolute `routes` are the Curity paths. Discovery is the one route oidc-provider fixes at
 * /.well-known/openid-configuration; the issuer-relative paths are rewritten onto it.
 */
export function createRequestDispatcher(
  provider: Provider,
  config: SandboxConfiguration,
  log?: (line: string) => void,
  trainer?: TrainerFeed,
): RequestListener {
  const providerCallback = provider.callback()
  const interactions = createInteractionHandler(provider)
  const publicUrl = new URL(config.publicUrl)

  return function dispatch(req, res) {
    const started = performance.now()
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (log) {
      res.once('close', () => log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`))
    }

    // Every response gets them; the trainer page replaces the policy with its own (its script is a file).
    setSandboxSecurityHeaders(res)
    // The trainer page is the sandbox's own, same-origin page: no CORS, and never oidc-provider's.
    if (trainer?.handle(req, res, path)) return
    if (applyCors(req, res, config.allowedOrigins) === 'answered') return
    if (isFaultPath(path)) {
      serveFault(req, res, path)
      return
    }
    if (path === PROVIDER_DISCOVERY_PATH) {
      sendJson(res, 404, {
        error: 'invalid_request',
        error_description: `discovery is at ${config.issuer}${PROVIDER_DISCOVERY_PATH}`,
      })
      return
    }
    if (path === PATHS.discovery || path === PATHS.authorizationServerMetadata) {
      req.url = PROVIDER_DISCOVERY_PATH
    }

    presentAsPublicUrl(req, publicUrl)
    if (path.startsWith(`${PATHS.interaction}/`)) {
      void interactions(req, res, path)
      return
    }
    void providerCallback(req, res)
  }
}
