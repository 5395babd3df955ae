import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { readSavedWith } from '../../state/saved-settings.ts'
import { guardedLocalStorage } from '../../state/storage-guard.ts'

const STORE_VERSION = 1

interface PresentationState {
  presentation: boolean
  actions: { presentationToggled: (presentation: boolean) => void }
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
      // Read back in saved-settings.ts, through zod (presentation-reader.ts), when something is saved: before
      // the first render, so a saved "on" masks from the first frame.
      skipHydration: true,
    },
  ),
)

readSavedWith(usePresentationStore, () =>
  import('./presentation-reader.ts').then(({ readSavedPresentation }) => ({
    merge: (persisted: unknown, current: PresentationState): PresentationState => ({ ...current, presentation: readSavedPresentation(persisted) }),
  })),
)

export const usePresentationMode = () => usePresentationStore((state) => state.presentation)
export const usePresentationActions = () => usePresentationStore((state) => state.actions)
