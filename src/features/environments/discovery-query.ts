import { queryOptions } from '@tanstack/react-query'
import { discover } from '../../protocol/requests-on-demand.ts'
import type { Environment } from '../../state/environment-store.ts'
import { requestTransport } from '../../state/request-transport.ts'

export const discoveryKeys = {
  all: ['discovery'] as const,
  issuer: (issuer: string, useRelay = false) => [...discoveryKeys.all, issuer, useRelay ? 'relay' : 'direct'] as const,
}

/** Run on demand (the Discover button), never in the background: each run is a logged exchange. */
export const discoveryOptions = (issuer: string, transport: Pick<Environment, 'useRelay'> = {}) =>
  queryOptions({
    queryKey: discoveryKeys.issuer(issuer, transport.useRelay),
    // react-query's signal: Cancel (cancelQueries) and leaving stop the request.
    queryFn: ({ signal }) => discover({ issuer, ...requestTransport(transport), signal }),
    enabled: false,
    staleTime: Infinity,
    retry: false,
  })
