import type { ClientProfile, Environment } from './environment-schema.ts'

// Apart from the schemas: the environment store strips secrets before every save, on the first view, with no zod.

/** Members of a registration reply that are credentials: kept out of storage and exports by default. */
const REGISTRATION_SECRETS = ['client_secret', 'registration_access_token'] as const

/**
 * The client with every credential removed: the secret emptied, the registration access token, the
 * private key and the copies of secret and token inside the registration reply dropped. RFC 7591 §3.2.1, RFC 6749 §10.3.
 */
export function clientWithoutSecrets(client: ClientProfile): ClientProfile {
  const { registration_access_token: _dropped, private_jwk: _key, registration, ...rest } = client
  if (!registration) return { ...rest, client_secret: '' }
  const kept = Object.fromEntries(
    Object.entries(registration).filter(([name]) => !(REGISTRATION_SECRETS as readonly string[]).includes(name)),
  )
  return { ...rest, client_secret: '', registration: { ...kept, client_id: registration.client_id } }
}

/** The environment with every client's credentials removed. RFC 6749 §10.3. */
export function environmentWithoutSecrets(environment: Environment): Environment {
  return { ...environment, clients: environment.clients.map(clientWithoutSecrets) }
}
