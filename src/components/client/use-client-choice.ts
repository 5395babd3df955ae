import { useCallback, useState } from 'react'
import type { ClientAuthMethod } from '../../protocol/client-auth-method.ts'
import { pickClient, type Environment } from '../../state/environment-store.ts'

/**
 * Which of the environment's clients a step sends as, and how it authenticates: the client's own
 * method until the person picks another; picking another client goes back to that client's method.
 * The setters are stable, so memoised fields that take them are not redrawn by a result.
 */
export function useClientChoice(environment: Environment) {
  const [clientProfileId, setClientProfileId] = useState<string | null>(null)
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const client = pickClient(environment, clientProfileId)
  const auth: ClientAuthMethod = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'
  const clientProfileChanged = useCallback((id: string) => {
    setClientProfileId(id)
    setAuthOverride(null)
  }, [])
  return { client, auth, clientProfileChanged, authChanged: setAuthOverride }
}
