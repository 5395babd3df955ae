import { useMemo, type ReactNode } from 'react'
import { GuidedModeContext, type GuidedMode } from '../components/guide/guided-mode.ts'
import { useGuidedModeOn, useWalkthroughStartedAt } from '../features/guide/guide-store.ts'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { isGuidedStep, type GuidedStepId } from '../protocol/tutorial-guide.ts'
import { useExchanges } from '../state/http-log-store.ts'

/** Hands each step whether guided mode is on and its latest exchange since the walk-through (re)started. */
export function GuidedModeProvider({ children }: { children: ReactNode }) {
  const enabled = useGuidedModeOn()
  const since = useWalkthroughStartedAt()
  const exchanges = useExchanges()
  const value = useMemo<GuidedMode>(() => {
    if (!enabled) return { enabled, latest: () => null }
    const latest = new Map<GuidedStepId, HttpExchange>()
    for (const exchange of exchanges) if (exchange.startedAt >= since && isGuidedStep(exchange.step)) latest.set(exchange.step, exchange)
    return { enabled, latest: (step) => latest.get(step) ?? null }
  }, [enabled, since, exchanges])
  return <GuidedModeContext value={value}>{children}</GuidedModeContext>
}
