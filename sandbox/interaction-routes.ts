import type { IncomingMessage, ServerResponse } from 'node:http'
import { errors, type InteractionDetails } from 'oidc-provider'
import type Provider from 'oidc-provider'
import { DEMO_USER, PATHS } from './configuration.ts'
import { consentPage, errorPage, loginPage } from './interaction-pages.ts'
import { readBody } from './read-body.ts'
import { setSandboxSecurityHeaders } from './security-headers.ts'

/**
 * Sign-in and consent, the two prompts oidc-provider hands to the application (its devInteractions would
 * do the same with a start-up warning). Routes under PATHS.interaction:
 *   GET  /<uid>          the page for the pending prompt
 *   POST /<uid>/login    username + password
 *   POST /<uid>/consent  decision=approve|deny
 * The interaction cookie oidc-provider sets is SameSite=Lax and scoped to /<uid>, so another site cannot
 * submit these forms on the user's behalf.
 */

const MAX_FORM_BYTES = 16 * 1024

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req, MAX_FORM_BYTES))
}

function sendHtml(res: ServerResponse, status: number, markup: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(markup),
  })
  res.end(markup)
}

async function clientName(provider: Provider, details: InteractionDetails): Promise<string> {
  const clientId = String(details.params.client_id ?? '')
  const client = await provider.Client.find(clientId)
  return client?.clientName ?? clientId
}

function requestedScopes(details: InteractionDetails): string[] {
  const scope = details.params.scope
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []
}

/** Records what the user approved as an oidc-provider Grant, as its example/routes/express.js does. */
async function approve(provider: Provider, details: InteractionDetails): Promise<string> {
  const accountId = details.session?.accountId
  if (!accountId) throw new Error('consent without a signed-in user')
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId: String(details.params.client_id) })
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '))
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims)
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '))
  }
  return grant.save()
}

export function createInteractionHandler(provider: Provider) {
  const prefix = `${PATHS.interaction}/`

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [uid, action, ...rest] = path.slice(prefix.length).split('/')
    const details = await provider.interactionDetails(req, res)
    // Sign-in and consent may end at the client's redirect_uri: the page's form-action must allow it.
    const redirectUri = details.params.redirect_uri
    if (typeof redirectUri === 'string') setSandboxSecurityHeaders(res, redirectUri)
    if (details.uid !== uid || rest.length > 0) {
      sendHtml(res, 400, errorPage({ error: 'invalid_request', error_description: 'this page belongs to another sign-in' }))
      return
    }
    const base = `${prefix}${uid}`
    const prompt = details.prompt.name

    if (req.method === 'GET' && action === undefined) {
      const name = await clientName(provider, details)
      if (prompt === 'login') sendHtml(res, 200, loginPage({ action: `${base}/login`, clientName: name }))
      else sendHtml(res, 200, consentPage({ action: `${base}/consent`, clientName: name, scopes: requestedScopes(details) }))
      return
    }

    if (req.method === 'POST' && action === 'login' && prompt === 'login') {
      const form = await readForm(req)
      const username = form.get('username') ?? ''
      if (username === DEMO_USER.username && form.get('password') === DEMO_USER.password) {
        await provider.interactionFinished(req, res, { login: { accountId: DEMO_USER.claims.sub } }, { mergeWithLastSubmission: false })
        return
      }
      const name = await clientName(provider, details)
      sendHtml(res, 200, loginPage({ action: `${base}/login`, clientName: name, username, error: 'Wrong username or password.' }))
      return
    }

    if (req.method === 'POST' && action === 'consent' && prompt === 'consent') {
      const form = await readForm(req)
      if (form.get('decision') === 'approve') {
        const grantId = await approve(provider, details)
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
      } else {
        const denied = { error: 'access_denied', error_description: 'the user denied the request' }
        await provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false })
      }
      return
    }

    sendHtml(res, 400, errorPage({ error: 'invalid_request', error_description: `nothing to do for ${req.method} ${path} now` }))
  }

  return async function interactionHandler(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      await handle(req, res, path)
    } catch (error) {
      // Most often the interaction cookie is missing or the interaction expired: say so instead of a 500.
      const expired = error instanceof errors.SessionNotFound
      const page = expired
        ? errorPage({ error: 'invalid_request', error_description: 'this sign-in has expired or was opened in another browser' })
        : errorPage({ error: 'server_error', error_description: 'the sign-in could not continue' })
      if (!res.headersSent) sendHtml(res, expired ? 400 : 500, page)
      if (!expired) console.error('interaction failed:', error instanceof Error ? error.message : String(error))
    }
  }
}
