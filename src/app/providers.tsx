import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

// A result reaches the screen in the task that received it: react-query's default setTimeout(0) hop lets the
// browser draw a frame in between (the token list and log already updated, the step still busy), then
// another one for the step, and on a busy page the timer waits behind other tasks.
notifyManager.setScheduler(queueMicrotask)

/** Every request is a deliberate click on a testing tool: never retry or refetch behind the person's back. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  })
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
