import { queryOptions } from '@tanstack/react-query'
import { discover } from '../../protocol/discovery.ts'
import { recordExchange } from '../../state/http-log-store.ts'

export const discoveryKeys = {
  all: ['discovery'] as const,
  issuer: (issuer: string) => [...discoveryKeys.all, issuer] as const,
}

/** Run on demand (the Discover button), never in the background: each run is a logged exchange. */
export const discoveryOptions = (issuer: string) =>
  queryOptions({
    queryKey: discoveryKeys.issuer(issuer),
    queryFn: () => discover({ issuer, record: recordExchange }),
    enabled: false,
    staleTime: Infinity,
    retry: false,
  })
