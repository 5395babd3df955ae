import { useEffect, useMemo, useRef } from 'react'

export interface Cancellable {
  /** A fresh signal for the next request; a request still running from this step is cancelled. */
  signal: () => AbortSignal
  /** Cancels the running request, if any: it ends as 'aborted' in the step and the log. */
  cancel: () => void
}

/**
 * One step's Cancel: hand `signal()` to the request (RecordInput.signal) and `cancel` to a
 * CancelButton. Leaving the page section cancels what is still running.
 */
export function useCancellable(): Cancellable {
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])
  return useMemo(
    () => ({
      signal: () => {
        controller.current?.abort()
        controller.current = new AbortController()
        return controller.current.signal
      },
      cancel: () => controller.current?.abort(),
    }),
    [],
  )
}
