import { QueryClientContext } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useLoadedQueryClient } from '../state/query-on-demand.ts'

/**
 * Hands the app's QueryClient to react-query's hooks once it has loaded (after the first view is painted,
 * see query-on-demand.ts). The steps that use those hooks load after it (deferred-step.tsx); the first
 * view's steps use the on-demand hooks, which need no provider.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const queryClient = useLoadedQueryClient()
  return <QueryClientContext value={queryClient ?? undefined}>{children}</QueryClientContext>
}
