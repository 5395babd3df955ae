import { SCOPE_DESCRIPTIONS } from './configuration.ts'
import { html, toHtmlString, trustedHtml, type Html } from './html.ts'

/**
 * The pages a person sees while approving a device: user code, sign-in, consent, outcome. Plain HTML with
 * inline CSS (no fonts or scripts to fetch, so a phone on a workshop network renders them at once). Labels and
 * button texts are what the console's browser tests look for: change them together.
 */

export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f6;color:#111827}
main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{width:100%;padding:.75rem;font-size:1.125rem;border:1px solid #9ca3af;border-radius:.5rem}
input.code{text-transform:uppercase;letter-spacing:.15em;text-align:center;font-family:ui-monospace,monospace}
button{width:100%;margin-top:1.25rem;padding:.75rem;font-size:1rem;font-weight:600;border:0;border-radius:.5rem}
button{background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#e5e7eb;color:#111827}
.actions{display:flex;gap:.75rem}
.error{padding:.75rem;border-radius:.5rem;background:#fee2e2;color:#991b1b}
.hint{color:#4b5563}
ul{padding-left:1.25rem}
code{font-family:ui-monospace,monospace}
`

export function page(title: string, content: Html): string {
  return toHtmlString(html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · OAuth Console sandbox</title>
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>`)
}

function errorMessage(message: string | undefined): Html {
  return html`${message ? html`<p class="error" role="alert">${message}</p>` : ''}`
}

export interface UserCodeForm {
  action: string
  xsrf: string
  userCode?: string
  /** Present once a code was looked up: the client asking for access. */
  clientName?: string
  error?: string
}

/** verification_uri: one text input labelled "User code" and a "Continue" button. */
export function userCodePage(form: UserCodeForm): string {
  const intro = form.clientName
    ? html`<p><strong>${form.clientName}</strong> wants to connect. Check that this code matches the one on your device.</p>`
    : html`<p class="hint">Enter the code shown on your device.</p>`
  return page(
    'Connect a device',
    html`<h1>Connect a device</h1>
${errorMessage(form.error)}${intro}
<form method="post" action="${form.action}">
<input type="hidden" name="xsrf" value="${form.xsrf}">
<input type="hidden" name="confirm" value="yes">
<label for="user_code">User code</label>
<input id="user_code" class="code" type="text" name="user_code" value="${form.userCode ?? ''}"
 autocomplete="off" autocapitalize="characters" spellcheck="false" autofocus required>
<button type="submit">Continue</button>
</form>`,
  )
}

export function loginPage(form: { action: string; clientName: string; username?: string; error?: string }): string {
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
<p class="hint">to continue to <strong>${form.clientName}</strong>. The demo user is <code>demo</code> / <code>demo</code>.</p>
${errorMessage(form.error)}
<form method="post" action="${form.action}">
<label for="username">Username</label>
<input id="username" type="text" name="username" value="${form.username ?? ''}"
 autocomplete="username" autocapitalize="none" spellcheck="false" autofocus required>
<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  )
}

export function consentPage(form: { action: string; clientName: string; scopes: string[] }): string {
  const scopes = form.scopes.map(
    (scope) => html`<li><code>${scope}</code>${SCOPE_DESCRIPTIONS[scope] ? html`: ${SCOPE_DESCRIPTIONS[scope]}` : ''}</li>`,
  )
  return page(
    'Allow access',
    html`<h1>Allow ${form.clientName} to access your account?</h1>
${form.scopes.length > 0 ? html`<p>It asks for:</p><ul>${scopes}</ul>` : html`<p>It asks for no scopes.</p>`}
<form method="post" action="${form.action}">
<div class="actions">
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
<button type="submit" name="decision" value="approve">Approve</button>
</div>
</form>`,
  )
}

export function deviceApprovedPage(clientName: string): string {
  return page(
    'Device approved',
    html`<h1>Device approved</h1>
<p><strong>${clientName}</strong> can now continue. You can close this page and return to your device.</p>`,
  )
}

export function requestDeniedPage(): string {
  return page(
    'Request denied',
    html`<h1>Request denied</h1>
<p>The device was not given access. You can close this page.</p>`,
  )
}

/** Any error oidc-provider or the interaction pages render for a person rather than a client. */
export function errorPage(error: { error: string; error_description?: string }): string {
  return page(
    'Something went wrong',
    html`<h1>Something went wrong</h1>
<p class="error" role="alert"><code>${error.error}</code>${error.error_description ? html`: ${error.error_description}` : ''}</p>
<p class="hint">Start again from your device or the console.</p>`,
  )
}
