import type { ExchangeStep } from './http-exchange.ts'

/**
 * The steps the guided walk-through speaks about. Apart from their words (tutorial-guide.ts), so what
 * decides whether a step is guided costs the first view nothing.
 */
export const GUIDED_STEP_IDS = ['discovery', 'client-credentials', 'external-api', 'device-authorization', 'device-poll'] as const

export type GuidedStepId = (typeof GUIDED_STEP_IDS)[number]

/** Whether an exchange belongs to a guided step, for views that hold the log. */
export function isGuidedStep(step: ExchangeStep): step is GuidedStepId {
  return (GUIDED_STEP_IDS as readonly string[]).includes(step)
}
