import { createContext } from 'react'

/**
 * What a failure view may offer about the local relay, handed down by the app from the environments
 * feature (components do not read stores): `offer` turns the relay on for the active environment, and
 * is null when the relay is unavailable or already on.
 */
export interface RelayOffer {
  offer: (() => void) | null
  relayOn: boolean
}

export const RelayOfferContext = createContext<RelayOffer>({ offer: null, relayOn: false })
