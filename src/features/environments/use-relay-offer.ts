import type { RelayOffer } from '../../components/exchange/relay-offer.ts'
import { useActiveEnvironment, useEnvironmentActions } from '../../state/environment-store.ts'
import { useQueryOnDemand } from '../../state/query-on-demand.ts'
import { relayStatusOptions } from './relay-query.ts'

/** "Use local relay" for a CORS refusal: offered only when the relay answers and is not on yet. */
export function useRelayOffer(): RelayOffer {
  const environment = useActiveEnvironment()
  const { relayUseChanged } = useEnvironmentActions()
  const status = useQueryOnDemand(relayStatusOptions())
  const relayOn = environment.useRelay ?? false
  const offer = status.data?.available && !relayOn ? () => relayUseChanged(environment.id, true) : null
  return { offer, relayOn }
}
