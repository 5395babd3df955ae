import { z } from 'zod/mini'
import { CLIENT_AUTH_METHODS } from './client-auth-method.ts'
import { privateJwkSchema } from './client-keys.ts'
import { flowScopesSchema } from './flow-scope-schemas.ts'

/**
 * One source for the shapes the console keeps about servers and clients: the store persists them,
 * session files carry them, and both read them back through these schemas (never a cast).
 */

/** A member a server chose; a wrong type is dropped rather than losing the whole document. */
function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined)
}

const stringList = z.array(z.string())

export const clientAuthMethodSchema = z.enum(CLIENT_AUTH_METHODS)

/**
 * The whole discovery document, kept as the server sent it; the members the console reads are typed,
 * everything else is carried along untouched. RFC 8414 §2, OpenID Connect Discovery 1.0 §3.
 */
export const serverMetadataSchema = z.looseObject({
  issuer: lenient(z.string()),
  token_endpoint_auth_methods_supported: lenient(stringList),
  token_endpoint_auth_signing_alg_values_supported: lenient(stringList),
  id_token_signing_alg_values_supported: lenient(stringList),
  grant_types_supported: lenient(stringList),
  scopes_supported: lenient(stringList),
})
export type ServerMetadata = z.infer<typeof serverMetadataSchema>

/** The registration endpoint's reply about the client it registered, kept whole. RFC 7591 §3.2.1. */
export const registrationReplySchema = z.looseObject({
  client_id: z.string(),
  client_secret: lenient(z.string()),
  registration_access_token: lenient(z.string()),
  registration_client_uri: lenient(z.string()),
  token_endpoint_auth_method: lenient(z.string()),
  token_endpoint_auth_signing_alg: lenient(z.string()),
  id_token_signed_response_alg: lenient(z.string()),
  grant_types: lenient(stringList),
  scope: lenient(z.string()),
})
export type RegistrationReply = z.infer<typeof registrationReplySchema>

const endpointsSchema = z.object({
  authorization_endpoint: z.optional(z.string()),
  pushed_authorization_request_endpoint: z.optional(z.string()),
  token_endpoint: z.optional(z.string()),
  device_authorization_endpoint: z.optional(z.string()),
  registration_endpoint: z.optional(z.string()),
  introspection_endpoint: z.optional(z.string()),
  revocation_endpoint: z.optional(z.string()),
  userinfo_endpoint: z.optional(z.string()),
  jwks_uri: z.optional(z.string()),
})

/** A client as configured in the console. RFC 7591 §2-3.2.1, RFC 6749 §2.3.1. */
export const clientProfileSchema = z.object({
  id: z.string(),
  label: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
  token_endpoint_auth_method: clientAuthMethodSchema,
  registration_access_token: z.optional(z.string()),
  registration_client_uri: z.optional(z.string()),
  source: z.enum(['manual', 'registration', 'preset']),
  /** The registration reply this client came from, when it was registered here. */
  registration: z.optional(registrationReplySchema),
  /** The client's own signing key for private_key_jwt: a secret like client_secret. */
  private_jwk: z.optional(privateJwkSchema),
})
export type ClientProfile = z.infer<typeof clientProfileSchema>

/** An identity server and its clients. RFC 8414 §2, OpenID Connect Discovery 1.0 §3. */
export const environmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  endpoints: endpointsSchema,
  clients: z.array(clientProfileSchema),
  /** The discovery document as last fetched, for what the endpoints alone do not say. */
  metadata: z.optional(serverMetadataSchema),
  /** Send this environment's requests through the console's local relay (past CORS). Off unless chosen. */
  useRelay: z.optional(z.boolean()),
  /** Origins off the issuer's that the person allowed credentials to go to (endpoint-trust.ts). */
  confirmedOrigins: z.optional(z.array(z.string())),
  /** The scope each flow asks for on this server (flow-scopes.ts); a flow without one uses its default. */
  scopes: z.optional(flowScopesSchema),
})
export type Environment = z.infer<typeof environmentSchema>
