import { queryOptions } from '@tanstack/react-query'
import { useMutationOnDemand } from '../../state/query-on-demand.ts'
import { RELAY_URL } from '../../state/request-transport.ts'

// The relay's replies are read through their schemas (relay-fetch-allowlist.ts), loaded with the first ask, not with the first view.
const relayClient = () => import('../../protocol/relay-fetch-allowlist.ts')

export const relayKeys = { status: ['relay', 'status'] as const }

/** Whether the local relay answers, and the hosts it forwards to: asked once, refreshed after each change. */
export const relayStatusOptions = () =>
  queryOptions({
    queryKey: relayKeys.status,
    queryFn: async () => (await relayClient()).fetchRelayStatus(RELAY_URL),
    staleTime: Infinity,
    retry: false,
  })

/** The explicit step that widens the relay's allowlist by one host. */
export function useAllowRelayHost() {
  return useMutationOnDemand({
    mutationFn: async (host: string) => (await relayClient()).allowRelayHost(RELAY_URL, host),
    onSuccess: (outcome, _host, _onMutateResult, { client }) => {
      if (outcome.ok) client.setQueryData(relayKeys.status, { available: true, allowlist: outcome.allowlist })
    },
  })
}
