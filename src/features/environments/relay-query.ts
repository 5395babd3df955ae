import { queryOptions } from '@tanstack/react-query'
import { allowRelayHost, fetchRelayStatus } from '../../protocol/relay-fetch-allowlist.ts'
import { useMutationOnDemand } from '../../state/query-on-demand.ts'
import { RELAY_URL } from '../../state/request-transport.ts'

export const relayKeys = { status: ['relay', 'status'] as const }

/** Whether the local relay answers, and the hosts it forwards to: asked once, refreshed after each change. */
export const relayStatusOptions = () =>
  queryOptions({
    queryKey: relayKeys.status,
    queryFn: () => fetchRelayStatus(RELAY_URL),
    staleTime: Infinity,
    retry: false,
  })

/** The explicit step that widens the relay's allowlist by one host. */
export function useAllowRelayHost() {
  return useMutationOnDemand({
    mutationFn: (host: string) => allowRelayHost(RELAY_URL, host),
    onSuccess: (outcome, _host, _onMutateResult, { client }) => {
      if (outcome.ok) client.setQueryData(relayKeys.status, { available: true, allowlist: outcome.allowlist })
    },
  })
}
