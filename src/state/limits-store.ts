import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { z } from 'zod/mini'
import { configureRequestLimits, DEFAULT_REQUEST_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS, MIN_REQUEST_TIMEOUT_MS } from '../protocol/limits.ts'
import { guardedLocalStorage } from './storage-guard.ts'

interface LimitsState {
  /** Seconds a request may take, reply included. */
  timeoutSeconds: number
  actions: { timeoutChanged: (seconds: number) => void }
}

const MIN_SECONDS = MIN_REQUEST_TIMEOUT_MS / 1000
const MAX_SECONDS = MAX_REQUEST_TIMEOUT_MS / 1000
const savedSchema = z.object({ timeoutSeconds: z.number().check(z.gte(MIN_SECONDS), z.lte(MAX_SECONDS)) })

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
      // Read back through the schema: a hand-edited or older value falls back to the default.
      merge: (persisted, current) => {
        const saved = savedSchema.safeParse(persisted)
        return saved.success ? { ...current, timeoutSeconds: saved.data.timeoutSeconds } : current
      },
    },
  ),
)

// The protocol layer reads its limits from one place; keep it in step with the person's setting.
configureRequestLimits({ timeoutMs: useLimitsStore.getState().timeoutSeconds * 1000 })
useLimitsStore.subscribe((state) => configureRequestLimits({ timeoutMs: state.timeoutSeconds * 1000 }))

export const useTimeoutSeconds = () => useLimitsStore((state) => state.timeoutSeconds)
export const useLimitsActions = () => useLimitsStore((state) => state.actions)
export { MAX_SECONDS as MAX_TIMEOUT_SECONDS, MIN_SECONDS as MIN_TIMEOUT_SECONDS }
