import * as oauth from 'oauth4webapi'
import { exhaustiveSwitchError } from './request-failure.ts'

/** How a client proves its identity at the token endpoint; private_key_jwt will join later. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const

export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number]

/** Short human text for each method, for pickers and summaries. */
export const CLIENT_AUTH_METHOD_LABELS: Record<ClientAuthMethod, string> = {
  client_secret_basic: 'Secret in Authorization header (Basic)',
  client_secret_post: 'Secret in request body (POST)',
  none: 'No secret (public client)',
}

/** Narrows stored or imported text to a method the console knows. RFC 7591 §2. */
export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return typeof value === 'string' && (CLIENT_AUTH_METHODS as readonly string[]).includes(value)
}

/** Whether the method sends a client secret, so the secret field must not be empty. RFC 6749 §2.3.1. */
export function usesClientSecret(method: ClientAuthMethod): boolean {
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post':
      return true
    case 'none':
      return false
    default:
      return exhaustiveSwitchError(method)
  }
}

/**
 * The oauth4webapi client authentication for one request. Throws oauth4webapi's TypeError when a
 * secret-based method gets an empty secret: check with `usesClientSecret` first.
 * RFC 6749 §2.3.1 / RFC 7591 §2.
 */
export function clientAuthentication(method: ClientAuthMethod, client_secret: string): oauth.ClientAuth {
  switch (method) {
    case 'client_secret_basic':
      return oauth.ClientSecretBasic(client_secret)
    case 'client_secret_post':
      return oauth.ClientSecretPost(client_secret)
    case 'none':
      return oauth.None()
    default:
      return exhaustiveSwitchError(method)
  }
}
