import type { ClientRecord, ErrorOut, ProviderContext } from 'oidc-provider'
import { deviceApprovedPage, requestDeniedPage, userCodePage } from './interaction-pages.ts'

/**
 * oidc-provider's features.deviceFlow page hooks, rendering the sandbox's own pages. The form oidc-provider
 * passes in is not used: its input has no label and an inline event handler. Ours posts the same fields
 * (xsrf, user_code) plus confirm=yes, so "Continue" goes straight to sign-in; the consent page then names the
 * client, which is the check RFC 8628 §5.4 asks for.
 */

/** Messages by the names of oidc-provider's re-render errors (lib/helpers/re_render_errors.js). */
const USER_CODE_ERRORS: Record<string, string> = {
  NoCodeError: 'Enter the code shown on your device.',
  NotFoundError: 'That code was not found. Check the code on your device and try again.',
  ExpiredError: 'That code has expired. Start again on your device.',
  AlreadyUsedError: 'That code has already been used. Start again on your device.',
}

function userCodeForm(ctx: ProviderContext) {
  const oidc = ctx.oidc
  if (!oidc) throw new Error('device pages render only inside oidc-provider routes')
  return { action: oidc.urlFor('code_verification'), xsrf: oidc.session?.state?.secret ?? '' }
}

function clientLabel(client: ClientRecord | undefined): string {
  return client?.clientName ?? client?.clientId ?? 'The device'
}

export async function userCodeInputSource(
  ctx: ProviderContext,
  _form: string,
  out?: ErrorOut,
  err?: Error & { userCode?: string },
): Promise<void> {
  ctx.type = 'html'
  // The user pressed Deny on the consent page (or aborted): oidc-provider re-renders this page with AbortedError.
  if (err?.name === 'AbortedError') {
    ctx.body = requestDeniedPage()
    return
  }
  const error = err ? (USER_CODE_ERRORS[err.name] ?? out?.error_description ?? out?.error) : undefined
  ctx.body = userCodePage({ ...userCodeForm(ctx), userCode: err?.userCode, error })
}

/** Reached from verification_uri_complete (oidc-provider posts the code from the link): the code is prefilled. */
export async function userCodeConfirmSource(
  ctx: ProviderContext,
  _form: string,
  client: ClientRecord,
  _deviceInfo: unknown,
  userCode: string,
): Promise<void> {
  ctx.type = 'html'
  ctx.body = userCodePage({ ...userCodeForm(ctx), userCode, clientName: clientLabel(client) })
}

export async function successSource(ctx: ProviderContext): Promise<void> {
  ctx.type = 'html'
  ctx.body = deviceApprovedPage(clientLabel(ctx.oidc?.client))
}
