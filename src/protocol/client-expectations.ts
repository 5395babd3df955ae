import type { ClientAuthMethod } from './client-auth.ts'
import type { RegistrationReply, ServerMetadata } from './environment-schema.ts'

/**
 * The alg the client's ID tokens are signed with: what the registration says, else the only value the
 * server advertises. Undefined leaves oauth4webapi at its default, RS256. OpenID Connect Registration
 * §2 (`id_token_signed_response_alg`), OpenID Connect Discovery §3.
 */
export function idTokenSigningAlg(registration: RegistrationReply | undefined, metadata: ServerMetadata | undefined): string | undefined {
  if (registration?.id_token_signed_response_alg) return registration.id_token_signed_response_alg
  const advertised = metadata?.id_token_signing_alg_values_supported
  return advertised?.length === 1 ? advertised[0] : undefined
}

/**
 * Why the chosen method may fail at this server, or null: the discovery document lists the methods the
 * token endpoint supports, and this is not one of them. RFC 8414 §2 `token_endpoint_auth_methods_supported`.
 */
export function authMethodWarning(method: ClientAuthMethod, metadata: ServerMetadata | undefined): string | null {
  const supported = metadata?.token_endpoint_auth_methods_supported
  if (!supported || supported.includes(method)) return null
  return `The server does not list ${method} in token_endpoint_auth_methods_supported (${supported.join(', ') || 'empty'}).`
}
