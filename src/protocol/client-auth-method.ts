import { exhaustiveSwitchError } from './request-failure.ts'

/** How a client proves its identity at the token endpoint. RFC 7591 §2, OpenID Connect Core §9. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none', 'client_secret_jwt', 'private_key_jwt'] as const

export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number]

/** Short human text for each method, for pickers and summaries. */
export const CLIENT_AUTH_METHOD_LABELS: Record<ClientAuthMethod, string> = {
  client_secret_basic: 'Secret in Authorization header (Basic)',
  client_secret_post: 'Secret in request body (POST)',
  none: 'No secret (public client)',
  client_secret_jwt: 'JWT signed with the secret (HMAC)',
  private_key_jwt: 'JWT signed with the client\'s private key',
}

/** Narrows stored or imported text to a method the console knows. RFC 7591 §2. */
export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return typeof value === 'string' && (CLIENT_AUTH_METHODS as readonly string[]).includes(value)
}

/** Whether the method needs the client secret, so the secret field must not be empty. RFC 6749 §2.3.1. */
export function usesClientSecret(method: ClientAuthMethod): boolean {
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post':
    case 'client_secret_jwt':
      return true
    case 'none':
    case 'private_key_jwt':
      return false
    default:
      return exhaustiveSwitchError(method)
  }
}
