import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

/**
 * When the current walk-through began: progress counts only what happened since. "Start over" moves it
 * and bumps `round` so the steps start afresh; environments are not touched. Guided mode is remembered
 * per browser; the rest is memory only.
 */
interface GuideState {
  startedAt: number
  round: number
  guided: boolean
  actions: { walkthroughRestarted: () => void; guidedModeToggled: (guided: boolean) => void }
}

const useGuideStore = create<GuideState>()(
  persist(
    (set) => ({
      startedAt: 0,
      round: 0,
      guided: false,
      actions: {
        walkthroughRestarted: () => set((state) => ({ startedAt: Date.now(), round: state.round + 1 })),
        guidedModeToggled: (guided) => set({ guided }),
      },
    }),
    {
      name: 'oauth-console:guided-mode',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ guided: state.guided }),
      // Stored data is untrusted: only a real boolean turns guided mode on.
      merge: (persisted, current) => ({ ...current, guided: (persisted as { guided?: unknown } | null)?.guided === true }),
    },
  ),
)

export const useWalkthroughStartedAt = () => useGuideStore((state) => state.startedAt)
export const useWalkthroughRound = () => useGuideStore((state) => state.round)
export const useGuidedModeOn = () => useGuideStore((state) => state.guided)
export const useGuideActions = () => useGuideStore((state) => state.actions)
