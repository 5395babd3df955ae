import { useMemo } from 'react'
import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { ExchangeLog } from './exchange-log.ts'

export const DEFAULT_LOG_CAP = 5_000
/** The largest cap on offer: a day-long support session, or a big HAR, fits. */
export const MAX_LOG_CAP = 100_000

/**
 * Every HTTP exchange the console made, oldest first. Bounded: workshops run for hours,
 * so past the cap the oldest entries go and the count of dropped ones is kept for the UI.
 */
interface HttpLogState {
  log: ExchangeLog
  cap: number
  dropped: number
  actions: {
    exchangeRecorded: (exchange: HttpExchange) => void
    exchangesImported: (exchanges: readonly HttpExchange[]) => void
    logCleared: () => void
    capChanged: (cap: number) => void
  }
}

const useHttpLogStore = create<HttpLogState>()((set) => ({
  log: ExchangeLog.EMPTY,
  cap: DEFAULT_LOG_CAP,
  dropped: 0,
  actions: {
    exchangeRecorded: (exchange) => {
      set((state) => {
        const { log, dropped } = state.log.appended([exchange], state.cap)
        return { log, dropped: state.dropped + dropped }
      })
    },
    exchangesImported: (imported) => {
      set((state) => {
        const { log, dropped } = state.log.appended(imported, state.cap)
        return { log, dropped: state.dropped + dropped }
      })
    },
    logCleared: () => set({ log: ExchangeLog.EMPTY, dropped: 0 }),
    capChanged: (cap) =>
      set((state) => {
        const bounded = Math.min(MAX_LOG_CAP, Math.max(1, Math.floor(cap)))
        const { log, dropped } = state.log.capped(bounded)
        return { cap: bounded, log, dropped: state.dropped + dropped }
      }),
  },
}))

/** The log as an immutable view: a new one per change, appends in O(1). */
export const useExchangeLog = () => useHttpLogStore((state) => state.log)
/** The log only while `wanted`: otherwise null, and a new exchange does not re-render the caller. */
export const useExchangeLogWhile = (wanted: boolean): ExchangeLog | null => useHttpLogStore((state) => (wanted ? state.log : null))
/**
 * What `summarise` reads from the log, re-rendering the caller only when that changes (compared field by
 * field): a view showing a few facts of the log is not redrawn for every exchange. `summarise` runs on each
 * change of the log and each render, so keep it cheap.
 */
export const useExchangeLogSummary = <T extends object>(summarise: (log: ExchangeLog) => T): T =>
  useHttpLogStore(useShallow((state) => summarise(state.log)))
/** The log as an array (a copy per change): for small consumers; the log panel reads the view. */
export const useExchanges = (): readonly HttpExchange[] => {
  const log = useExchangeLog()
  return useMemo(() => log.toArray(), [log])
}
export const useLogCap = () => useHttpLogStore((state) => state.cap)
export const useDroppedCount = () => useHttpLogStore((state) => state.dropped)
export const useHttpLogActions = () => useHttpLogStore(useShallow((state) => state.actions))
/** For callbacks outside React (protocol `record` functions). */
export const recordExchange = (exchange: HttpExchange) => useHttpLogStore.getState().actions.exchangeRecorded(exchange)
/** A copy of the log as it is now, oldest first. */
export const readExchangesSnapshot = (): HttpExchange[] => useHttpLogStore.getState().log.toArray()
/** The log as it is now, without copying it. */
export const readExchangeLog = (): ExchangeLog => useHttpLogStore.getState().log
/** Calls `listener` with the log (and the one before) after each change to it, outside React; returns the unsubscribe. */
export const subscribeToExchangeLog = (listener: (log: ExchangeLog, previous: ExchangeLog) => void) =>
  useHttpLogStore.subscribe((state, previous) => {
    if (state.log !== previous.log) listener(state.log, previous.log)
  })
