/** Stops a scheduled run that has not happened yet; once it has run, does nothing. */
export type Cancel = () => void

/** Runs `run` later, and hands back what stops it. */
export type Scheduler = (run: () => void) => Cancel

/** A timer: `run` after `ms`. */
export const afterTimeout =
  (ms: number): Scheduler =>
  (run) => {
    const handle = setTimeout(run, ms)
    return () => clearTimeout(handle)
  }

/**
 * When the browser has nothing better to do: `requestIdleCallback`, with its `timeout` when one is given
 * (a deadline), none when not. Where there are no idle callbacks (Safari), `fallback` instead.
 */
export const whenIdle =
  ({ timeout, fallback }: { timeout?: number; fallback: Scheduler }): Scheduler =>
  (run) => {
    if (typeof requestIdleCallback !== 'function') return fallback(run)
    const handle = timeout === undefined ? requestIdleCallback(run) : requestIdleCallback(run, { timeout })
    return () => cancelIdleCallback(handle)
  }

/**
 * `then(run)` from the next animation frame callback: a timer or an idle callback queued there runs after that
 * frame is painted, so `run` waits until the screen shows what was rendered before it. Cancelling stops the
 * frame callback or what `then` queued, whichever is pending. Where there are no animation frames (no page),
 * `then(run)` at once.
 */
export function afterNextFrame(then: Scheduler, run: () => void): Cancel {
  if (typeof requestAnimationFrame !== 'function') return then(run)
  let cancelThen: Cancel | null = null
  const frame = requestAnimationFrame(() => {
    cancelThen = then(run)
  })
  return () => {
    cancelAnimationFrame(frame)
    cancelThen?.()
  }
}
