import type { Environment } from './environment-store.ts'

/** Where `npm start` runs the sandbox; the start script may override both at build time. */
export const SANDBOX_ISSUER: string =
  import.meta.env.VITE_SANDBOX_ISSUER ?? 'http://127.0.0.1:8443/oauth/v2/oauth-anonymous'

/** The sandbox's well-known demo secret: public, printed by the sandbox itself, so safe to preset. */
export const SANDBOX_WWW_SECRET: string = import.meta.env.VITE_SANDBOX_WWW_SECRET ?? 'Password1'

export const SANDBOX_ENVIRONMENT_ID = 'local-sandbox'

export function sandboxEnvironment(): Environment {
  return {
    id: SANDBOX_ENVIRONMENT_ID,
    name: 'Local sandbox',
    issuer: SANDBOX_ISSUER,
    endpoints: {},
    clients: [
      {
        id: 'local-sandbox-www',
        label: 'www (confidential)',
        client_id: 'www',
        client_secret: SANDBOX_WWW_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        source: 'preset',
      },
    ],
  }
}
