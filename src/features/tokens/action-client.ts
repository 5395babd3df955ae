import type { ClientAuthMethod } from '../../protocol/client-auth.ts'
import type { ServerEndpoints } from '../../protocol/server-endpoints.ts'

/** Where a token action goes and as which client: the token's environment and client profile. */
export interface ActionClient {
  server: ServerEndpoints
  client_id: string
  client_secret: string
  auth: ClientAuthMethod
}
