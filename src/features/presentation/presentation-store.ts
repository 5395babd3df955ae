import * as z from 'zod/mini'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { guardedLocalStorage } from '../../state/storage-guard.ts'

/** What this browser remembers about presentation mode; read back through zod, never cast. */
const savedPresentationSchema = z.object({ presentation: z.boolean() })

const STORE_VERSION = 1

interface PresentationState {
  presentation: boolean
  actions: { presentationToggled: (presentation: boolean) => void }
}

/** Reads what storage held: a wrong shape or version falls back to off, the safe default. */
export function readSavedPresentation(saved: unknown): boolean {
  const parsed = savedPresentationSchema.safeParse(saved)
  return parsed.success ? parsed.data.presentation : false
}

const usePresentationStore = create<PresentationState>()(
  persist(
    (set) => ({
      presentation: false,
      actions: { presentationToggled: (presentation) => set({ presentation }) },
    }),
    {
      name: 'oauth-console:presentation',
      version: STORE_VERSION,
      // A refused save is shown, never thrown: presentation mode still switches for this tab.
      storage: createJSONStorage(guardedLocalStorage),
      partialize: (state) => ({ presentation: state.presentation }),
      // Version 1 is the first: anything older or unknown is read as "off" rather than trusted.
      migrate: () => ({ presentation: false }),
      merge: (persisted, current) => ({ ...current, presentation: readSavedPresentation(persisted) }),
    },
  ),
)

export const usePresentationMode = () => usePresentationStore((state) => state.presentation)
export const usePresentationActions = () => usePresentationStore((state) => state.actions)
