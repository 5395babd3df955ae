import { useCallback, useMemo, useState } from 'react'
import type { ClientAuthMethod } from '../../protocol/client-auth-method.ts'
import { pickClient, type ClientProfile, type Environment } from '../../state/environment-store.ts'

/** Who a step's token request is sent as: what `ClientRequestFields` shows and what the request is built from. */
export interface ClientChoice {
  environment: Environment
  client: ClientProfile | undefined
  auth: ClientAuthMethod
  clientProfileChanged: (id: string) => void
  authChanged: (auth: ClientAuthMethod) => void
}

/** The chosen client's id and its setter, for a step whose choice is kept outside it (as `useState` hands them back). */
export type ClientProfileIdState = readonly [clientProfileId: string | null, clientProfileChosen: (id: string) => void]

/**
 * Which of the environment's clients a step sends as, and how it authenticates: the client's own
 * method until the person picks another; picking another client goes back to that client's method.
 * The chosen client is the step's own unless `kept` says where it is kept instead (the device flow keeps
 * it for the walk-through). The choice is one object that stays the same until one of its parts changes,
 * and its setters are stable, so memoised fields that take it are not redrawn by a result.
 */
export function useClientChoice(environment: Environment, kept?: ClientProfileIdState): ClientChoice {
  const ownClientProfileId = useState<string | null>(null)
  const [clientProfileId, clientProfileChosen] = kept ?? ownClientProfileId
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const client = pickClient(environment, clientProfileId)
  const auth: ClientAuthMethod = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'
  const clientProfileChanged = useCallback(
    (id: string) => {
      clientProfileChosen(id)
      setAuthOverride(null)
    },
    [clientProfileChosen],
  )
  return useMemo(
    () => ({ environment, client, auth, clientProfileChanged, authChanged: setAuthOverride }),
    [environment, client, auth, clientProfileChanged],
  )
}
