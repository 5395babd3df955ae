import { CLIENT_AUTH_METHODS, isClientAuthMethod, usesClientSecret, type ClientAuthMethod } from './client-auth.ts'
import type { RequestFailure } from './request-failure.ts'

/** A change to how the client authenticates that may get past the refusal, applied in one click. */
export type ClientAuthFix =
  | { kind: 'use_method'; method: ClientAuthMethod }
  | { kind: 'client_id_in_body' }

export interface ClientAuthDiagnosis {
  /** The likely cause, in one sentence. */
  cause: string
  /** The most likely fix first. */
  fixes: ClientAuthFix[]
}

/** What the request sent and what is known about the client and the server, to compare against. */
export interface ClientAuthContext {
  sent: { auth: ClientAuthMethod; client_id_in_body: boolean }
  /** The client's token_endpoint_auth_method as registered (the registration reply), if known. */
  registered?: string | undefined
  /** The server's token_endpoint_auth_methods_supported, if discovery said. */
  supported?: readonly string[] | undefined
  /** Which credentials the console holds for the client, so a fix never asks for one it lacks. */
  has: { secret: boolean; key: boolean }
}

/** A refusal the diagnosis applies to: an authentication error, or a bare 401/403. */
type Refusal = Extract<RequestFailure, { kind: 'oauth_error' | 'not_oauth' }>

const CLIENT_ID_MISSING = /client[_ ]?id\b.*\b(missing|required|absent|not (?:found|provided|present))|(missing|no|requires?)\b.*\bclient[_ ]?id/i

function isEmptyBody(failure: Refusal): boolean {
  const body = failure.exchange?.response?.body
  return failure.kind === 'not_oauth' && (body === undefined || body.trim() === '')
}

/** Whether the failure is one the diagnosis explains. RFC 6749 §5.2, RFC 7235 §3.1, RFC 9110 §15.5.4. */
export function isClientAuthRefusal(failure: RequestFailure): failure is Refusal {
  if (failure.kind === 'oauth_error') {
    return (
      failure.error === 'invalid_client' ||
      failure.error === 'unauthorized_client' ||
      CLIENT_ID_MISSING.test(failure.error_description ?? '')
    )
  }
  return failure.kind === 'not_oauth' && (failure.status === 401 || failure.status === 403) && isEmptyBody(failure)
}

function usable(method: ClientAuthMethod, has: ClientAuthContext['has']): boolean {
  if (method === 'private_key_jwt') return has.key
  return !usesClientSecret(method) || has.secret
}

/** The other secret method, the usual suspect when a server accepts only one of the two. */
function otherSecretMethod(method: ClientAuthMethod): ClientAuthMethod | null {
  if (method === 'client_secret_basic') return 'client_secret_post'
  if (method === 'client_secret_post') return 'client_secret_basic'
  return null
}

/**
 * Compares a refused request with what the client registered and what the server supports, and names
 * the likely cause with the fixes to try, or null when the failure is not about client authentication.
 * RFC 6749 §2.3 and §5.2, RFC 7591 §2, RFC 8414 §2, RFC 8628 §3.4.
 */
export function diagnoseClientAuth(failure: RequestFailure, context: ClientAuthContext): ClientAuthDiagnosis | null {
  if (!isClientAuthRefusal(failure)) return null
  const { sent, has } = context
  const registered = isClientAuthMethod(context.registered) ? context.registered : undefined
  const supported = context.supported?.filter(isClientAuthMethod)
  const description = failure.kind === 'oauth_error' ? (failure.error_description ?? '') : ''

  if (CLIENT_ID_MISSING.test(description) && sent.auth === 'client_secret_basic' && !sent.client_id_in_body) {
    return {
      cause:
        'The server wants client_id in the request body, and Basic authentication alone sends it only in the Authorization header (Curity does this on device-code polls).',
      fixes: [{ kind: 'client_id_in_body' }, ...(has.secret ? [{ kind: 'use_method' as const, method: 'client_secret_post' as const }] : [])],
    }
  }

  if (registered && registered !== sent.auth && usable(registered, has)) {
    return {
      cause: `This client registered token_endpoint_auth_method ${registered}, but the request authenticated with ${sent.auth}.`,
      fixes: [{ kind: 'use_method', method: registered }],
    }
  }

  if (supported && supported.length > 0 && !supported.includes(sent.auth)) {
    const candidates = CLIENT_AUTH_METHODS.filter((method) => supported.includes(method) && usable(method, has))
    return {
      cause: `The server does not support ${sent.auth} at its token endpoint; it lists ${supported.join(', ')}.`,
      fixes: candidates.slice(0, 2).map((method) => ({ kind: 'use_method', method })),
    }
  }

  if (sent.auth === 'none' && registered !== 'none' && (has.secret || has.key)) {
    // Public-client style sent for a client the console holds credentials for: nothing proved who it is.
    const methods: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt']
    return {
      cause: 'The request sent no client credentials (none), but this client has them: the server treats it as confidential and wants it to authenticate.',
      fixes: methods
        .filter((method) => usable(method, has) && (!supported || supported.includes(method)))
        .slice(0, 2)
        .map((method) => ({ kind: 'use_method', method })),
    }
  }

  const other = otherSecretMethod(sent.auth)
  const alternative: ClientAuthFix[] =
    other && has.secret && (!supported || supported.includes(other)) ? [{ kind: 'use_method', method: other }] : []
  if (failure.kind === 'not_oauth') {
    return {
      cause: `The server refused the client with HTTP ${failure.status} and no explanation; most often the request used an authentication method the server does not accept for this client.`,
      fixes: alternative,
    }
  }
  if (failure.error === 'unauthorized_client') {
    return {
      cause: registered
        ? `The client authenticated as registered (${registered}), so the server likely does not allow this client this grant type.`
        : `Some servers answer unauthorized_client when a client authenticates with a method other than the one it was registered with (${sent.auth} was used).`,
      fixes: registered ? [] : alternative,
    }
  }
  const credentialsSent = has.secret || !usesClientSecret(sent.auth)
  if (registered === sent.auth && credentialsSent) {
    // Sent as registered: trying another method would only add a second refusal.
    return {
      cause: `The request authenticated as this client registered (${registered}), so the method is not the problem: the server does not know this client_id, or not with this secret. A client deleted (RFC 7592) or forgotten by a restarted server (the sandbox keeps clients in memory) looks like this; register it again in the External API step.`,
      fixes: [],
    }
  }
  return {
    cause: credentialsSent
      ? `The server did not accept the client's credentials sent with ${sent.auth}: the client_id or secret is wrong, or the server accepts another method for this client.`
      : 'The client secret is empty here: a secret kept only in memory is gone after a reload.',
    fixes: alternative,
  }
}

/** The label of a fix's button: says what clicking does, e.g. "Poll with client_secret_post". */
export function fixLabel(fix: ClientAuthFix, verb: string): string {
  return fix.kind === 'client_id_in_body' ? 'Also send client_id in the body' : `${verb} with ${fix.method}`
}
