import { MutationObserver, notifyManager, QueryClient, QueryObserver } from '@tanstack/react-query'

// Loaded after the first view is painted (query-on-demand.ts): react-query is not needed to show the steps.

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

/** The app's one client: the steps' hooks and the first view's on-demand hooks share its caches. */
export const queryClient = createQueryClient()
queryClient.mount()

export { MutationObserver, notifyManager, QueryObserver }
