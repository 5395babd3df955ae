import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import type { DeviceAuthorization, PollOutcome } from '../../../protocol/device-flow.ts'
import { afterPoll, initialPollSchedule, type PollSchedule } from '../../../protocol/poll-schedule.ts'
import type { RecordInput } from '../../../protocol/request-context.ts'
import type { ClientInput } from '../../../protocol/request-input.ts'

/** The client a device flow was started with, kept for all its polls whatever is picked elsewhere later. */
export interface FlowClient {
  clientProfileId: string
  label: string
  /** Endpoints and credentials as they were when the flow started, and where exchanges are recorded. */
  input: ClientInput & RecordInput
  /** How the client registered to authenticate and what the server supports, for the diagnosis (knownClientAuth). */
  registered: string | undefined
  supported: readonly string[] | undefined
}

export interface PollRecord {
  at: number
  kind: PollOutcome['kind']
  auth: ClientAuthMethod
}

export type DeviceFlowState =
  | { phase: 'idle' }
  | {
      phase: 'started'
      authorization: DeviceAuthorization
      scope: string
      client: FlowClient
      /** How polls authenticate; starts as the client's registered method, changed by the person or a fix. */
      auth: ClientAuthMethod
      clientIdInBody: boolean
      schedule: PollSchedule
      history: PollRecord[]
      lastOutcome: PollOutcome | null
      /** How early (seconds) the last poll came, when it beat the interval. */
      earlyBy: number | null
    }

export type DeviceFlowEvent =
  | { type: 'started'; authorization: DeviceAuthorization; scope: string; client: FlowClient; auth: ClientAuthMethod }
  | { type: 'polled'; deviceCode: string; outcome: PollOutcome; at: number; auth: ClientAuthMethod; earlyBy: number | null }
  | { type: 'auth_changed'; auth: ClientAuthMethod; clientIdInBody: boolean }
  | { type: 'reset' }

/**
 * Answers after which this device code can give nothing more: tokens, denial, expiry, or the server
 * saying the code is spent or unknown (invalid_grant). RFC 8628 §3.5.
 */
export function isFinalAnswer(outcome: PollOutcome | null): boolean {
  if (!outcome) return false
  return outcome.kind === 'tokens' || outcome.kind === 'denied' || outcome.kind === 'expired' || (outcome.kind === 'oauth_error' && outcome.error === 'invalid_grant')
}

/** Outcomes after which automatic polling stops: a final answer or any failure. */
export function endsAutomaticPolling(outcome: PollOutcome | null): boolean {
  return outcome !== null && outcome.kind !== 'pending' && outcome.kind !== 'slow_down'
}

export const initialDeviceFlowState: DeviceFlowState = { phase: 'idle' }

export function deviceFlowReducer(state: DeviceFlowState, event: DeviceFlowEvent): DeviceFlowState {
  switch (event.type) {
    case 'started':
      return {
        phase: 'started',
        authorization: event.authorization,
        scope: event.scope,
        client: event.client,
        auth: event.auth,
        clientIdInBody: false,
        schedule: initialPollSchedule(event.authorization),
        history: [],
        lastOutcome: null,
        earlyBy: null,
      }
    case 'polled':
      // A reply for a flow that was since reset or replaced belongs to no flow on screen.
      if (state.phase !== 'started' || state.authorization.device_code !== event.deviceCode) return state
      return {
        ...state,
        schedule: afterPoll(state.schedule, event.outcome.kind, event.at),
        history: event.outcome.kind === 'invalid_input' ? state.history : [...state.history, { at: event.at, kind: event.outcome.kind, auth: event.auth }],
        lastOutcome: event.outcome,
        earlyBy: event.earlyBy,
      }
    case 'auth_changed':
      return state.phase === 'started' ? { ...state, auth: event.auth, clientIdInBody: event.clientIdInBody } : state
    case 'reset':
      return initialDeviceFlowState
  }
}
