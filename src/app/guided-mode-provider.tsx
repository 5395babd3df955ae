import { useMemo, type ReactNode } from 'react'
import { GuidedModeContext, type GuidedMode } from '../components/guide/guided-mode.ts'
import { useGuidedModeOn, useWalkthroughStartedAt } from '../features/guide/guide-store.ts'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { isGuidedStep, type GuidedStepId } from '../protocol/guided-step-ids.ts'
import { useExchangeLogWhile } from '../state/http-log-store.ts'

const GUIDED_OFF: GuidedMode = { enabled: false, latest: () => null }

/** Hands each step whether guided mode is on and its latest exchange since the walk-through (re)started. */
export function GuidedModeProvider({ children }: { children: ReactNode }) {
  const enabled = useGuidedModeOn()
  const since = useWalkthroughStartedAt()
  // Read only while guided mode is on: otherwise a new exchange changes nothing here, so no step re-renders for it.
  const log = useExchangeLogWhile(enabled)
  const value = useMemo<GuidedMode>(() => {
    if (!log) return GUIDED_OFF
    const latest = new Map<GuidedStepId, HttpExchange>()
    for (const exchange of log) if (exchange.startedAt >= since && isGuidedStep(exchange.step)) latest.set(exchange.step, exchange)
    return { enabled: true, latest: (step) => latest.get(step) ?? null }
  }, [since, log])
  return <GuidedModeContext value={value}>{children}</GuidedModeContext>
}
