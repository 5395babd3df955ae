import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type {
  DefaultError,
  MutationObserver,
  QueryClient,
  QueryKey,
  QueryObserver,
  UseMutationOptions,
  UseQueryOptions,
} from '@tanstack/react-query'
import { loadOnce } from '../lib/load-once.ts'

/*
 * react-query is the console's query and mutation library, but it is not needed to show the first view
 * (10 kB gzip of it). The first view's steps use these hooks instead of `useQuery` / `useMutation`: the
 * same observers on the app's one QueryClient, loaded once the first view is painted (main.tsx). A click
 * that comes sooner loads it at once and is sent, as the request layer does (requests-on-demand.ts).
 * The steps below the fold load with the client and use react-query's own hooks.
 */

type QueryLayer = typeof import('./query-client.ts')

const layerListeners = new Set<() => void>()
const queryLayer = loadOnce(
  () => import('./query-client.ts'),
  () => {
    for (const listener of layerListeners) listener()
  },
)

/** Loads react-query and creates the app's QueryClient; safe to call again, and again after a failed load. */
export const loadQueryLayer: () => Promise<QueryLayer> = queryLayer.load

function subscribeToLayer(listener: () => void) {
  layerListeners.add(listener)
  return () => {
    layerListeners.delete(listener)
  }
}

const useQueryLayer = () => useSyncExternalStore(subscribeToLayer, () => queryLayer.loaded() ?? null)

/** The app's QueryClient once loaded, null before: nothing can be cached or running without it. */
export const loadedQueryClient = (): QueryClient | null => queryLayer.loaded()?.queryClient ?? null

/** See {@link loadedQueryClient}; re-renders the caller when it arrives. */
export const useLoadedQueryClient = (): QueryClient | null => useQueryLayer()?.queryClient ?? null

const noop = () => {}

/**
 * One observer per hook, created when the layer is there: at once if it already is, otherwise when it
 * arrives or when the person acts first, whichever is sooner, and only once.
 */
function useObserverOnDemand<O>(create: (loaded: QueryLayer) => O) {
  const loaded = useQueryLayer()
  const [observer, setObserver] = useState<O | null>(() => (loaded ? create(loaded) : null))
  const latestCreate = useRef(create)
  const creating = useRef<Promise<O> | null>(null)
  useEffect(() => {
    latestCreate.current = create
  })
  const ensureObserver = useCallback(() => {
    if (observer) return Promise.resolve(observer)
    creating.current ??= loadQueryLayer().then(
      (from) => {
        const created = latestCreate.current(from)
        setObserver(created)
        return created
      },
      (error: unknown) => {
        creating.current = null
        throw error
      },
    )
    return creating.current
  }, [observer])
  useEffect(() => {
    if (loaded && !observer) ensureObserver().catch(noop)
  }, [loaded, observer, ensureObserver])
  return { loaded, observer, ensureObserver }
}

/** What the first view's steps read of a mutation. */
export interface MutationOnDemand<TData, TError, TVariables> {
  data: TData | undefined
  error: TError | null
  isPending: boolean
  variables: TVariables | undefined
  mutate: (variables: TVariables) => void
}

/** react-query's `useMutation` for the first view: see the top of this file. */
export function useMutationOnDemand<TData = unknown, TError = DefaultError, TVariables = void, TOnMutateResult = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>,
): MutationOnDemand<TData, TError, TVariables> {
  type Observer = MutationObserver<TData, TError, TVariables, TOnMutateResult>
  const { loaded, observer, ensureObserver } = useObserverOnDemand<Observer>((from) => new from.MutationObserver(from.queryClient, options))
  useEffect(() => {
    observer?.setOptions(options)
  }, [observer, options])
  const subscribe = useCallback(
    (onChange: () => void) => (observer && loaded ? observer.subscribe(loaded.notifyManager.batchCalls(onChange)) : noop),
    [observer, loaded],
  )
  const result = useSyncExternalStore(subscribe, () => observer?.getCurrentResult())
  const mutate = useCallback(
    (variables: TVariables) => {
      const send = (ready: Observer) => void ready.mutate(variables).catch(noop)
      if (observer) send(observer)
      else ensureObserver().then(send, noop)
    },
    [observer, ensureObserver],
  )
  return { data: result?.data, error: result?.error ?? null, isPending: result?.isPending ?? false, variables: result?.variables, mutate }
}

/** What the first view's steps read of a query. */
export interface QueryOnDemand<TData> {
  data: TData | undefined
  isFetching: boolean
  /** Fetches now (loading react-query first if need be); resolves with the new data. */
  refetch: () => Promise<TData | undefined>
}

/** react-query's `useQuery` for the first view: see the top of this file. A query that fetches on mount does so once loaded. */
export function useQueryOnDemand<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): QueryOnDemand<TData> {
  type Observer = QueryObserver<TQueryFnData, TError, TData, TQueryFnData, TQueryKey>
  const { loaded, observer, ensureObserver } = useObserverOnDemand<Observer>((from) => new from.QueryObserver(from.queryClient, options))
  // As useQuery does: the result is computed for this render's options, the subscription only re-renders.
  const defaulted = loaded ? loaded.queryClient.defaultQueryOptions(options) : null
  if (defaulted) defaulted._optimisticResults = 'optimistic'
  useEffect(() => {
    if (observer && defaulted) observer.setOptions(defaulted)
  }, [observer, defaulted])
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!observer || !loaded) return noop
      const unsubscribe = observer.subscribe(loaded.notifyManager.batchCalls(onChange))
      observer.updateResult()
      return unsubscribe
    },
    [observer, loaded],
  )
  useSyncExternalStore(subscribe, () => observer?.getCurrentResult())
  const result = observer && defaulted ? observer.getOptimisticResult(defaulted) : undefined
  const refetch = useCallback(async () => (await (await ensureObserver()).refetch()).data, [ensureObserver])
  return { data: result?.data, isFetching: result?.isFetching ?? false, refetch }
}
