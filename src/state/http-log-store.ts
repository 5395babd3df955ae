import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { HttpExchange } from '../protocol/http-exchange.ts'

export const DEFAULT_LOG_CAP = 5_000

/**
 * Every HTTP exchange the console made, oldest first. Bounded: workshops run for hours,
 * so past the cap the oldest entries go and the count of dropped ones is kept for the UI.
 */
interface HttpLogState {
  exchanges: HttpExchange[]
  cap: number
  dropped: number
  actions: {
    exchangeRecorded: (exchange: HttpExchange) => void
    exchangesImported: (exchanges: HttpExchange[]) => void
    logCleared: () => void
    capChanged: (cap: number) => void
  }
}

function bounded(exchanges: HttpExchange[], cap: number) {
  const overflow = Math.max(0, exchanges.length - cap)
  return { exchanges: overflow > 0 ? exchanges.slice(overflow) : exchanges, overflow }
}

const useHttpLogStore = create<HttpLogState>()((set) => ({
  exchanges: [],
  cap: DEFAULT_LOG_CAP,
  dropped: 0,
  actions: {
    exchangeRecorded: (exchange) =>
      set((state) => {
        const { exchanges, overflow } = bounded([...state.exchanges, exchange], state.cap)
        return { exchanges, dropped: state.dropped + overflow }
      }),
    exchangesImported: (imported) =>
      set((state) => {
        const { exchanges, overflow } = bounded([...state.exchanges, ...imported], state.cap)
        return { exchanges, dropped: state.dropped + overflow }
      }),
    logCleared: () => set({ exchanges: [], dropped: 0 }),
    capChanged: (cap) =>
      set((state) => {
        const { exchanges, overflow } = bounded(state.exchanges, cap)
        return { cap, exchanges, dropped: state.dropped + overflow }
      }),
  },
}))

export const useExchanges = () => useHttpLogStore((state) => state.exchanges)
export const useLogCap = () => useHttpLogStore((state) => state.cap)
export const useDroppedCount = () => useHttpLogStore((state) => state.dropped)
export const useHttpLogActions = () => useHttpLogStore(useShallow((state) => state.actions))
/** For callbacks outside React (protocol `record` functions). */
export const recordExchange = (exchange: HttpExchange) => useHttpLogStore.getState().actions.exchangeRecorded(exchange)
export const readExchangesSnapshot = () => useHttpLogStore.getState().exchanges
