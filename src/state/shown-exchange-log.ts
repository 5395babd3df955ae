import { useSyncExternalStore } from 'react'
import { afterNextFrame, afterTimeout, whenIdle, type Cancel } from '../lib/after-next-frame.ts'
import type { ExchangeLog } from './exchange-log.ts'
import { readExchangeLog, subscribeToExchangeLog } from './http-log-store.ts'
import { loadedQueryClient } from './query-on-demand.ts'

/** The longest a new exchange waits for a request's result before the log shows it anyway. */
export const MAX_HOLD_MS = 500

/*
 * The HTTP log as the log panel draws it. A click's exchange is recorded as soon as its reply has arrived,
 * before the reply is read and its result drawn. Drawn at once, the log's new row (which moves every visible
 * row down one) took a frame of its own between the reply and the result, or lengthened the result's frame.
 * So while a request started by a click is in flight (a react-query mutation), new exchanges wait and are drawn
 * the frame after its result: the person sees what they asked for first, the log one frame later. With no
 * request in flight (an import, Clear log, a query), the log is drawn at once, as recorded.
 */
let shown: ExchangeLog = readExchangeLog()
let holding = false
const listeners = new Set<() => void>()

// Idle: after the frame's own tasks (the result's, anything queued behind it), within a frame or two.
const soonIdle = whenIdle({ timeout: 100, fallback: afterTimeout(0) })

function publish(log: ExchangeLog) {
  if (log === shown) return
  shown = log
  for (const listener of listeners) listener()
}

/** Holds the log as it was until no request is in flight and a frame has been drawn since, or MAX_HOLD_MS. */
function holdWhileRequestsRun(client: NonNullable<ReturnType<typeof loadedQueryClient>>) {
  holding = true
  let cancelRelease: Cancel | null = null
  const release = () => {
    stopWatching()
    clearTimeout(limit)
    cancelRelease?.()
    holding = false
    publish(readExchangeLog())
  }
  const settled = () => {
    if (cancelRelease === null && client.isMutating() === 0) cancelRelease = afterNextFrame(soonIdle, release)
  }
  const stopWatching = client.getMutationCache().subscribe(settled)
  const limit = setTimeout(release, MAX_HOLD_MS)
  // It may have settled between the exchange and now.
  settled()
}

subscribeToExchangeLog((log, previous) => {
  if (holding) return
  const client = loadedQueryClient()
  if (client && client.isMutating() > 0) {
    // `shown` is `previous` unless nobody was reading; from here on, the log before this exchange is drawn.
    shown = previous
    holdWhileRequestsRun(client)
    return
  }
  publish(log)
})

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const snapshot = () => shown

/** The HTTP log as the log panel draws it: a click's new exchanges appear the frame after its result (see above). */
export const useShownExchangeLog = (): ExchangeLog => useSyncExternalStore(subscribe, snapshot)
