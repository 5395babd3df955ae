import { z } from 'zod/mini'
import { withoutUndefined } from './reply-body.ts'

/** What a registration endpoint says about the client it registered. RFC 7591 §3.2.1. */
export interface RegisteredClient {
  client_id: string
  client_secret?: string
  token_endpoint_auth_method?: string
  registration_access_token?: string
  registration_client_uri?: string
  client_name?: string
  software_id?: string
  grant_types?: string[]
  scope?: string
  /** Epoch seconds; 0 means the secret does not expire. */
  client_secret_expires_at?: number
}

const optionalString = z.catch(z.optional(z.string()), undefined)

const registrationSchema = z.object({
  client_id: z.string().check(z.minLength(1)),
  client_secret: optionalString,
  token_endpoint_auth_method: optionalString,
  registration_access_token: optionalString,
  registration_client_uri: optionalString,
  client_name: optionalString,
  software_id: optionalString,
  grant_types: z.catch(z.optional(z.array(z.string())), undefined),
  scope: optionalString,
  client_secret_expires_at: z.catch(z.optional(z.number().check(z.nonnegative())), undefined),
})

/**
 * Reads a client registration reply: null unless it has a non-empty string `client_id`; other
 * members of the wrong type are left out rather than rejecting the client. RFC 7591 §3.2.1.
 */
export function readClientRegistration(body: unknown): RegisteredClient | null {
  const parsed = registrationSchema.safeParse(body)
  if (!parsed.success) return null
  return withoutUndefined<RegisteredClient>(parsed.data)
}
