import { createContext, useContext } from 'react'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import type { GuidedStepId } from '../../protocol/guided-step-ids.ts'

/**
 * Whether the guided walk-through is on, and each guided step's latest exchange since it (re)started:
 * decided by the app and handed down, so steps never reach into the guide's or the log's stores.
 */
export interface GuidedMode {
  enabled: boolean
  latest: (step: GuidedStepId) => HttpExchange | null
}

export const GuidedModeContext = createContext<GuidedMode>({ enabled: false, latest: () => null })

export const useGuidedMode = () => useContext(GuidedModeContext)
