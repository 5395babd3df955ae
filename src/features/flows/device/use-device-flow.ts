import { timerDelay } from '../../../protocol/limits.ts'
import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { diagnoseClientAuth, type ClientAuthFix } from '../../../protocol/client-auth-diagnosis.ts'
import type { DeviceStartInput, PollOutcome } from '../../../protocol/device-flow.ts'
import { pollDeviceToken, startDeviceAuthorization } from '../../../protocol/requests-on-demand.ts'
import { isTooEarly, secondsUntilNextPoll } from '../../../protocol/poll-schedule.ts'
import { credentialsHeld } from '../../../state/environment-store.ts'
import {
  deviceFlowReducer,
  endsAutomaticPolling,
  initialDeviceFlowState,
  isFinalAnswer,
  type DeviceFlowState,
  type FlowClient,
} from './device-flow-state.ts'

export interface StartRequest {
  input: DeviceStartInput
  client: Omit<FlowClient, 'input'>
}

interface PollRequest {
  deviceCode: string
  client: FlowClient
  auth: ClientAuthMethod
  clientIdInBody: boolean
  earlyBy: number | null
  /** The DPoP key to bind the tokens to, when the person chose "Use DPoP". */
  dpopKey: (() => Promise<CryptoKeyPair>) | null
}

/** Pending polls before a scope-less flow earns the hint that some servers need a scope. */
const PENDING_POLLS_BEFORE_SCOPE_HINT = 3

type Started = Extract<DeviceFlowState, { phase: 'started' }>

/** A new signal for the next request of one kind; one of that kind still running is cancelled. */
function freshSignal(controller: { current: AbortController | null }): AbortSignal {
  controller.current?.abort()
  controller.current = new AbortController()
  return controller.current.signal
}

/** When an automatic poll may go: the interval after the last poll, or after the codes arrived. RFC 8628 §3.5. */
function nextAutomaticPollAt(flow: Started): number {
  return (flow.schedule.lastPollAt ?? flow.authorization.received_at) + flow.schedule.interval * 1000
}

/**
 * The device flow as one state machine: starting it, polling it by hand or automatically at the
 * server's interval (+5 s after each slow_down), its history, and the client it started with, which
 * every poll keeps. Polling stops at a final answer (tokens, denial, expiry, a spent code) and when
 * the codes expire; "Start over" begins a new flow with the same request. RFC 8628 §3.1-3.5.
 */
export function useDeviceFlow(
  options: {
    onTokens?: (outcome: Extract<PollOutcome, { kind: 'tokens' }>, client: FlowClient) => void
    /** Read at each poll: the DPoP key polls bind the tokens to, or null for Bearer tokens. RFC 9449 §5. */
    dpopKey?: (() => Promise<CryptoKeyPair>) | null
  } = {},
) {
  const [state, dispatch] = useReducer(deviceFlowReducer, initialDeviceFlowState)
  const [automatic, setAutomatic] = useState(false)
  const stateRef = useRef(state)
  const lastStart = useRef<StartRequest | null>(null)
  // One poll at a time, known at once (the mutation's isPending arrives a render later).
  const pendingRef = useRef(false)
  const onTokens = useRef(options.onTokens)
  const dpopKey = useRef(options.dpopKey ?? null)
  useEffect(() => {
    stateRef.current = state
    onTokens.current = options.onTokens
    dpopKey.current = options.dpopKey ?? null
  })
  // The person's Cancel for each request; leaving the page cancels what still runs.
  const startAbort = useRef<AbortController | null>(null)
  const pollAbort = useRef<AbortController | null>(null)
  useEffect(
    () => () => {
      startAbort.current?.abort()
      pollAbort.current?.abort()
    },
    [],
  )

  const startMutation = useMutation({
    mutationFn: (request: StartRequest) => startDeviceAuthorization({ ...request.input, signal: freshSignal(startAbort) }),
    onMutate: () => dispatch({ type: 'reset' }),
    onSuccess: (outcome, request) => {
      if (outcome.kind !== 'started') return
      const { scope: _scope, extra: _extra, now: _now, signal: _signal, ...input } = request.input
      dispatch({
        type: 'started',
        authorization: outcome.authorization,
        scope: request.input.scope?.trim() ?? '',
        client: { ...request.client, input },
        auth: request.input.auth,
      })
    },
  })

  const pollMutation = useMutation({
    mutationFn: async ({ deviceCode, client, auth, clientIdInBody, dpopKey: key }: PollRequest) => {
      const signal = freshSignal(pollAbort)
      const dpop = key ? await key() : undefined
      return pollDeviceToken({ ...client.input, auth, client_id_in_body: clientIdInBody, device_code: deviceCode, signal, ...(dpop ? { dpop } : {}) })
    },
    onSuccess: (outcome, request) => {
      dispatch({ type: 'polled', deviceCode: request.deviceCode, outcome, at: Date.now(), auth: request.auth, earlyBy: request.earlyBy })
      if (outcome.kind === 'tokens') onTokens.current?.(outcome, request.client)
    },
    onSettled: () => {
      pendingRef.current = false
    },
  })
  const pollPending = pollMutation.isPending

  const { mutate: mutatePoll } = pollMutation
  const poll = useCallback(
    (override?: { auth: ClientAuthMethod; clientIdInBody: boolean }) => {
      const flow = stateRef.current
      if (flow.phase !== 'started' || isFinalAnswer(flow.lastOutcome) || pendingRef.current) return
      pendingRef.current = true
      const now = Date.now()
      mutatePoll({
        deviceCode: flow.authorization.device_code,
        client: flow.client,
        auth: override?.auth ?? flow.auth,
        clientIdInBody: override?.clientIdInBody ?? flow.clientIdInBody,
        earlyBy: isTooEarly(flow.schedule, now) ? secondsUntilNextPoll(flow.schedule, now) : null,
        dpopKey: dpopKey.current,
      })
    },
    [mutatePoll],
  )

  useEffect(() => {
    if (!automatic || state.phase !== 'started' || pollPending || endsAutomaticPolling(state.lastOutcome)) return
    const dueAt = nextAutomaticPollAt(state)
    // Codes that expire before the next poll may go are not polled again.
    if (dueAt >= state.schedule.expiresAt) return
    // timerDelay: a clamped interval still must never overflow setTimeout into an immediate poll.
    const timer = setTimeout(() => poll(), timerDelay(dueAt - Date.now()))
    return () => clearTimeout(timer)
  }, [automatic, state, pollPending, poll])

  const { mutate: mutateStart } = startMutation
  const start = useCallback(
    (request: StartRequest) => {
      lastStart.current = request
      mutateStart(request)
    },
    [mutateStart],
  )

  const setAuth = useCallback((auth: ClientAuthMethod, clientIdInBody = false) => dispatch({ type: 'auth_changed', auth, clientIdInBody }), [])

  /** Applies a diagnosis fix to this flow's polls and polls with it at once. */
  const applyFix = useCallback(
    (fix: ClientAuthFix) => {
      const flow = stateRef.current
      if (flow.phase !== 'started') return
      const next =
        fix.kind === 'client_id_in_body'
          ? { auth: 'client_secret_basic' as const, clientIdInBody: true }
          : { auth: fix.method, clientIdInBody: false }
      dispatch({ type: 'auth_changed', ...next })
      poll(next)
    },
    [poll],
  )

  const startOver = useCallback(() => {
    if (lastStart.current) mutateStart(lastStart.current)
  }, [mutateStart])

  const started = state.phase === 'started' ? state : null
  const lastOutcome = started?.lastOutcome ?? null
  const diagnosis =
    started && lastOutcome && lastOutcome.kind !== 'tokens' && lastOutcome.kind !== 'pending' && lastOutcome.kind !== 'slow_down' && lastOutcome.kind !== 'denied' && lastOutcome.kind !== 'expired'
      ? diagnoseClientAuth(lastOutcome, {
          sent: { auth: started.history.at(-1)?.auth ?? started.auth, client_id_in_body: started.clientIdInBody },
          registered: started.client.registered,
          supported: started.client.supported,
          has: credentialsHeld(started.client.input),
        })
      : null
  const pendingPolls = started?.history.filter((record) => record.kind === 'pending' || record.kind === 'slow_down').length ?? 0
  const scopeHint =
    started !== null && started.scope === '' && (pendingPolls >= PENDING_POLLS_BEFORE_SCOPE_HINT || lastOutcome?.kind === 'expired')

  return {
    state,
    start,
    startOutcome: startMutation.data,
    /** The client authentication method the latest start sent. */
    startedWith: startMutation.variables?.input.auth,
    starting: startMutation.isPending,
    /** Stops a running start; it ends as 'Cancelled' in the step and the log. */
    cancelStart: useCallback(() => startAbort.current?.abort(), []),
    poll,
    polling: pollPending,
    /** Stops a running poll (and so automatic polling, until the next poll). */
    cancelPoll: useCallback(() => pollAbort.current?.abort(), []),
    automatic,
    setAutomatic,
    setAuth,
    applyFix,
    startOver,
    final: isFinalAnswer(lastOutcome),
    diagnosis,
    scopeHint,
    /** The DPoP key the next poll proves with, or null: the guided preview shows that poll's proof too. */
    dpopKey: options.dpopKey ?? null,
  }
}
