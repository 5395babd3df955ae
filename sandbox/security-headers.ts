import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { BASE_SECURITY_HEADERS, serializePolicy } from '../security/content-security-policy.ts'
import { PAGE_STYLE } from './interaction-pages.ts'

/** The one inline style sheet the sandbox's pages carry, allowed by its hash rather than 'unsafe-inline'. */
const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`

/**
 * Where a form on this page may lead. Sign-in and consent end, after oidc-provider's redirects, at the
 * client's redirect_uri, and browsers hold form-action to every hop of those redirects: that origin (or a
 * native app's scheme) is added for those pages. A value that is not a URL adds nothing.
 */
function formTarget(redirectUri: string): string[] {
  let url: URL
  try {
    url = new URL(redirectUri)
  } catch {
    return []
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return [url.origin]
  // A private-use scheme (RFC 8252 §7.1), e.g. com.example.app:
  return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? [url.protocol] : []
}

/**
 * The sandbox's pages load nothing: one hashed style sheet, forms to itself (and to the redirect_uri after
 * sign-in), no framing, no inline script but one. oidc-provider's auto-submitting form (verification_uri_complete,
 * response_mode=form_post) appends its script's hash to `script-src` when that directive is written out, so it
 * is, as 'self' rather than 'none', which may not stand beside a hash. The sandbox serves no script files, and
 * nosniff keeps its JSON from running as one.
 */
export function sandboxPagePolicy(redirectUri?: string): string {
  return serializePolicy([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', [PAGE_STYLE_HASH]],
    ['form-action', ["'self'", ...(redirectUri ? formTarget(redirectUri) : [])]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])
}

/** On every sandbox response; JSON gains nothing from the policy but loses nothing either. */
export function setSandboxSecurityHeaders(res: ServerResponse, redirectUri?: string) {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value)
  res.setHeader('Content-Security-Policy', sandboxPagePolicy(redirectUri))
}
