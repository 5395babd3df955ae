import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'

/** Where a step of the tutorial stands, derived from what was sent and answered, never stored. */
export type StepState = 'not_started' | 'waiting' | 'done' | 'failed'

export const WALKTHROUGH_STEPS = [
  {
    id: 'environment',
    label: 'Environment',
    exchangeStep: 'discovery',
    guide:
      'Discovery reads the server’s metadata document to learn its endpoints, so nothing has to be typed by hand. ' +
      'Press Discover in the Environment step. (OpenID Connect Discovery 1.0 §4, RFC 8414 §3)',
  },
  {
    id: 'client-credentials',
    label: 'Client Credentials',
    exchangeStep: 'client-credentials',
    guide:
      'The confidential client www asks the token endpoint for a token for itself, authenticating with its secret. ' +
      'The token carries the dcr scope, which allows registering new clients. Press Request token. (RFC 6749 §4.4)',
  },
  {
    id: 'external-api',
    label: 'External API',
    exchangeStep: 'external-api',
    guide:
      'That token, sent as Bearer, lets the console register a new client through Dynamic Client Registration. ' +
      'The reply holds the new client’s id and secret: press Send request, then Use as device client. (RFC 7591 §3.1-3.2)',
  },
  {
    id: 'device-flow',
    label: 'Device Flow',
    exchangeStep: 'device-authorization',
    guide:
      'The new client starts the Device Authorization Grant: the server answers with a user code and a verification URI. ' +
      'Press Start device flow, then open the URI or scan the QR code on another device. (RFC 8628 §3.1-3.3)',
  },
  {
    id: 'poll',
    label: 'Poll',
    exchangeStep: 'device-poll',
    guide:
      'The device asks the token endpoint whether the user has approved: authorization_pending until they do, then tokens. ' +
      'Approve on the other device (demo / demo on the sandbox) and press Poll. (RFC 8628 §3.4-3.5)',
  },
  {
    id: 'tokens',
    label: 'Tokens',
    exchangeStep: null,
    guide: 'The tokens are in the list: decode them, verify their signatures, introspect, refresh or revoke them. (RFC 7519, RFC 7662, RFC 7009)',
  },
] as const satisfies readonly { id: string; label: string; exchangeStep: ExchangeStep | null; guide: string }[]

export type WalkthroughStepId = (typeof WALKTHROUGH_STEPS)[number]['id']

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
