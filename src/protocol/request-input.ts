import { usesClientSecret } from './client-auth-method.ts'
import type { ClientCredentials } from './client-auth.ts'
import { unconfirmedOrigin } from './endpoint-trust.ts'
import type { InvalidInput } from './request-failure.ts'
import { endpointLabel, parseHttpUrl, type EndpointKey, type ServerEndpoints } from './server-endpoints.ts'


/** The client as every authenticated request needs it. RFC 6749 §2.3.1. */
export interface ClientInput extends ClientCredentials {
  server: ServerEndpoints
  client_id: string
  /** The alg ID tokens are signed with, from the registration or discovery (OpenID Connect Registration §2). */
  id_token_signed_response_alg?: string
}

/**
 * The endpoint a request goes to, or why it cannot be used: not configured, not an http(s) URL, or
 * off the issuer's origin (or downgraded to http) without the person's confirmation. RFC 8414 §2.
 */
export function requireEndpoint(
  server: ServerEndpoints,
  key: EndpointKey,
): { ok: true; url: URL } | { ok: false; failure: InvalidInput } {
  const label = endpointLabel(key)
  const value = server[key]?.trim() ?? ''
  if (value === '') {
    return {
      ok: false,
      failure: { kind: 'invalid_input', field: key, message: `"${label}" is not configured: discover the server or enter it` },
    }
  }
  const parsed = parseHttpUrl(value, label)
  if (!parsed.ok) return { ok: false, failure: { kind: 'invalid_input', field: key, message: parsed.message } }
  const unconfirmed = unconfirmedOrigin(server, parsed.url, `The ${label}`)
  if (unconfirmed) return { ok: false, failure: { kind: 'invalid_input', field: key, message: unconfirmed } }
  return parsed
}

/** Why the client cannot authenticate as configured, or null when it can. RFC 6749 §2.3.1. */
export function checkClient(input: Pick<ClientInput, 'client_id' | 'client_secret' | 'auth' | 'private_jwk'>): InvalidInput | null {
  if (input.client_id.trim() === '') {
    return { kind: 'invalid_input', field: 'client_id', message: '"client_id" is empty: expected the client\'s identifier' }
  }
  if (usesClientSecret(input.auth) && input.client_secret === '') {
    return {
      kind: 'invalid_input',
      field: 'client_secret',
      message: `"client_secret" is empty: ${input.auth} sends a secret (choose "none" for a public client)`,
    }
  }
  if (input.auth === 'private_key_jwt' && !input.private_jwk) {
    return {
      kind: 'invalid_input',
      field: 'private_jwk',
      message: '"private key" is missing: private_key_jwt signs with the client\'s key (generate one or paste a private JWK)',
    }
  }
  return null
}
