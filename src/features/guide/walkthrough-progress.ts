import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'

/** Where a step of the tutorial stands, derived from what was sent and answered, never stored. */
export type StepState = 'not_started' | 'waiting' | 'done' | 'failed'

export const WALKTHROUGH_STEPS = [
  { id: 'environment', label: 'Environment', exchangeStep: 'discovery' },
  { id: 'client-credentials', label: 'Client Credentials', exchangeStep: 'client-credentials' },
  { id: 'external-api', label: 'External API', exchangeStep: 'external-api' },
  { id: 'device-flow', label: 'Device Flow', exchangeStep: 'device-authorization' },
  { id: 'poll', label: 'Poll', exchangeStep: 'device-poll' },
  { id: 'tokens', label: 'Tokens', exchangeStep: null },
] as const satisfies readonly { id: string; label: string; exchangeStep: ExchangeStep | null }[]

export type WalkthroughStepId = (typeof WALKTHROUGH_STEPS)[number]['id']

/**
 * What the first step does and what to press: the guide's text on the first view. The other steps' texts
 * load after it (walkthrough-guide-text.ts).
 */
export const FIRST_STEP_GUIDE =
  'Discovery reads the server’s metadata document to learn its endpoints, so nothing has to be typed by hand. ' +
  'Press Discover in the Environment step. (OpenID Connect Discovery 1.0 §4, RFC 8414 §3)'

function isSuccess(exchange: HttpExchange): boolean {
  const status = exchange.response?.status ?? 0
  return status >= 200 && status < 300
}

/** A pending or slow_down poll is the device flow working as designed, not a failure. RFC 8628 §3.5. */
function isStillWaiting(exchange: HttpExchange): boolean {
  const body = exchange.response?.body ?? ''
  return exchange.response?.status === 400 && /"error"\s*:\s*"(authorization_pending|slow_down)"/.test(body)
}

function stateOf(latest: HttpExchange | undefined, step: ExchangeStep): StepState {
  if (!latest) return 'not_started'
  if (isSuccess(latest)) return 'done'
  if (step === 'device-poll' && isStillWaiting(latest)) return 'waiting'
  return 'failed'
}

/**
 * Each step's state from the HTTP log since the walk-through (re)started: the latest exchange of its
 * step decides, so a step redone after a failure shows done. Tokens are done once a poll succeeded.
 */
export function walkthroughProgress(exchanges: Iterable<HttpExchange>, since: number): Record<WalkthroughStepId, StepState> {
  const latest = new Map<ExchangeStep, HttpExchange>()
  for (const exchange of exchanges) if (exchange.startedAt >= since) latest.set(exchange.step, exchange)
  const poll = stateOf(latest.get('device-poll'), 'device-poll')
  return {
    environment: stateOf(latest.get('discovery'), 'discovery'),
    'client-credentials': stateOf(latest.get('client-credentials'), 'client-credentials'),
    'external-api': stateOf(latest.get('external-api'), 'external-api'),
    'device-flow': stateOf(latest.get('device-authorization'), 'device-authorization'),
    poll,
    tokens: poll === 'done' ? 'done' : 'not_started',
  }
}

/** The first step not done yet, or null when the whole walk-through is done. */
export function nextStep(progress: Record<WalkthroughStepId, StepState>): (typeof WALKTHROUGH_STEPS)[number] | null {
  return WALKTHROUGH_STEPS.find((step) => progress[step.id] !== 'done') ?? null
}
