import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

/** What one step hands the next: the client registered in External API becomes the Device Flow's client. */
interface WalkthroughState {
  deviceClientProfileId: string | null
  actions: {
    deviceClientChosen: (clientProfileId: string | null) => void
  }
}

const useWalkthroughStore = create<WalkthroughState>()((set) => ({
  deviceClientProfileId: null,
  actions: {
    deviceClientChosen: (deviceClientProfileId) => set({ deviceClientProfileId }),
  },
}))

export const useDeviceClientProfileId = () => useWalkthroughStore((state) => state.deviceClientProfileId)
export const useWalkthroughActions = () => useWalkthroughStore(useShallow((state) => state.actions))
