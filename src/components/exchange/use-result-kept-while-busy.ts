import { useState } from 'react'

/**
 * A step's latest result, kept on screen while its next request runs and replaced in place when that
 * one settles. Without it a mutation's `data` goes back to undefined on every click, so the result
 * area is torn down and built again per request: more DOM than the new values need, and every form
 * control in it removed and re-added (Chrome's autofill rescans the page's forms for that).
 * Nothing is shown once the mutation is idle again (reset), as before.
 */
export function useResultKeptWhileBusy<T>(data: T | undefined, pending: boolean): T | undefined {
  const [kept, setKept] = useState<T | undefined>(data)
  // Adjusting state while rendering (React's pattern for state derived from props): no extra commit.
  if (data !== undefined && data !== kept) setKept(data)
  else if (data === undefined && !pending && kept !== undefined) setKept(undefined)
  return data ?? (pending ? kept : undefined)
}
