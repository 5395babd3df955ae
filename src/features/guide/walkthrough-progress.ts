import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'
import { logContinuation, type ExchangeList } from '../../state/exchange-log.ts'

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

/** The latest exchange of each step since `since`, by its index in `exchanges`. */
interface LatestByStep {
  exchanges: ExchangeList
  since: number
  indices: Map<ExchangeStep, number>
}

function noteLatest(indices: Map<ExchangeStep, number>, exchanges: ExchangeList, from: number, since: number) {
  for (let index = from; index < exchanges.length; index++) {
    const exchange = exchanges.at(index)!
    if (exchange.startedAt >= since) indices.set(exchange.step, index)
  }
  return indices
}

/**
 * `last` carried over to `exchanges` when that is the same log with exchanges appended (and perhaps its
 * oldest dropped by the cap): only the new ones are read. Null when it is another log, or a step's latest
 * exchange was dropped.
 */
function extended(last: LatestByStep, exchanges: ExchangeList): Map<ExchangeStep, number> | null {
  const previous = last.exchanges
  if (previous === exchanges) return last.indices
  const continued = logContinuation(previous, exchanges)
  if (continued === null) return null
  const { dropped, kept } = continued
  const indices = new Map<ExchangeStep, number>()
  for (const [step, index] of last.indices) {
    if (index < dropped) return null
    indices.set(step, index - dropped)
  }
  return noteLatest(indices, exchanges, kept, last.since)
}

// The last answer, so a new exchange costs reading that exchange, not the whole log (100,000 entries).
let remembered: LatestByStep | null = null

/**
 * Each step's state from the HTTP log since the walk-through (re)started: the latest exchange of its
 * step decides, so a step redone after a failure shows done. Tokens are done once a poll succeeded.
 * Called again with the store's log after an append, it reads only what was appended.
 */
export function walkthroughProgress(exchanges: ExchangeList, since: number): Record<WalkthroughStepId, StepState> {
  // Arrays can change in place, so only the store's immutable views are carried over.
  const carried = !Array.isArray(exchanges) && remembered?.since === since ? extended(remembered, exchanges) : null
  const indices = carried ?? noteLatest(new Map(), exchanges, 0, since)
  if (!Array.isArray(exchanges)) remembered = { exchanges, since, indices }
  const latest = (step: ExchangeStep) => {
    const index = indices.get(step)
    return index === undefined ? undefined : exchanges.at(index)
  }
  const poll = stateOf(latest('device-poll'), 'device-poll')
  return {
    environment: stateOf(latest('discovery'), 'discovery'),
    'client-credentials': stateOf(latest('client-credentials'), 'client-credentials'),
    'external-api': stateOf(latest('external-api'), 'external-api'),
    'device-flow': stateOf(latest('device-authorization'), 'device-authorization'),
    poll,
    tokens: poll === 'done' ? 'done' : 'not_started',
  }
}

/** The first step not done yet, or null when the whole walk-through is done. */
export function nextStep(progress: Record<WalkthroughStepId, StepState>): (typeof WALKTHROUGH_STEPS)[number] | null {
  return WALKTHROUGH_STEPS.find((step) => progress[step.id] !== 'done') ?? null
}
