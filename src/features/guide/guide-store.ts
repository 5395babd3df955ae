import { create } from 'zustand'

/**
 * When the current walk-through began: progress counts only what happened since. Memory only; "Start
 * over" moves it and bumps `round` so the steps start afresh. Environments are not touched.
 */
interface GuideState {
  startedAt: number
  round: number
  actions: { walkthroughRestarted: () => void }
}

const useGuideStore = create<GuideState>()((set) => ({
  startedAt: 0,
  round: 0,
  actions: { walkthroughRestarted: () => set((state) => ({ startedAt: Date.now(), round: state.round + 1 })) },
}))

export const useWalkthroughStartedAt = () => useGuideStore((state) => state.startedAt)
export const useWalkthroughRound = () => useGuideStore((state) => state.round)
export const useGuideActions = () => useGuideStore((state) => state.actions)
