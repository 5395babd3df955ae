import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { configureRequestLimits, DEFAULT_REQUEST_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS, MIN_REQUEST_TIMEOUT_MS } from '../protocol/limits.ts'
import { readSavedWith } from './saved-settings.ts'
import { guardedLocalStorage } from './storage-guard.ts'

interface LimitsState {
  /** Seconds a request may take, reply included. */
  timeoutSeconds: number
  actions: { timeoutChanged: (seconds: number) => void }
}

const MIN_SECONDS = MIN_REQUEST_TIMEOUT_MS / 1000
const MAX_SECONDS = MAX_REQUEST_TIMEOUT_MS / 1000

const useLimitsStore = create<LimitsState>()(
  persist(
    (set) => ({
      timeoutSeconds: DEFAULT_REQUEST_TIMEOUT_MS / 1000,
      actions: {
        timeoutChanged: (seconds) => set({ timeoutSeconds: Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.round(seconds))) }),
      },
    }),
    {
      name: 'oauth-console:limits',
      version: 1,
      storage: createJSONStorage(guardedLocalStorage),
      partialize: (state) => ({ timeoutSeconds: state.timeoutSeconds }),
      // Read back in saved-settings.ts, through the schema (limits-reader.ts), when something is saved.
      skipHydration: true,
    },
  ),
)

// Read back through the schema: a hand-edited or older value falls back to the default.
readSavedWith(useLimitsStore, () =>
  import('./limits-reader.ts').then(({ readSavedTimeout }) => ({
    merge: (persisted: unknown, current: LimitsState): LimitsState => {
      const timeoutSeconds = readSavedTimeout(persisted)
      return timeoutSeconds === undefined ? current : { ...current, timeoutSeconds }
    },
  })),
)

// The protocol layer reads its limits from one place; keep it in step with the person's setting.
configureRequestLimits({ timeoutMs: useLimitsStore.getState().timeoutSeconds * 1000 })
useLimitsStore.subscribe((state) => configureRequestLimits({ timeoutMs: state.timeoutSeconds * 1000 }))

export const useTimeoutSeconds = () => useLimitsStore((state) => state.timeoutSeconds)
export const useLimitsActions = () => useLimitsStore((state) => state.actions)
export { MAX_SECONDS as MAX_TIMEOUT_SECONDS, MIN_SECONDS as MIN_TIMEOUT_SECONDS }
