import type { DeviceAuthorization } from './device-authorization.ts'
import type { PollOutcome } from './device-flow.ts'
import { exhaustiveSwitchError } from './request-failure.ts'

/** When the device flow may poll next and when its codes run out; times in epoch milliseconds. */
export interface PollSchedule {
  /** Seconds to wait between polls; grows by 5 with each slow_down. */
  interval: number
  lastPollAt: number | null
  expiresAt: number
}

/** RFC 8628 §3.5: on slow_down "the interval MUST be increased by 5 seconds for all subsequent requests". */
export const SLOW_DOWN_STEP = 5

/** The schedule right after the device authorization reply. RFC 8628 §3.2. */
export function initialPollSchedule(
  authorization: Pick<DeviceAuthorization, 'interval' | 'expires_in' | 'received_at'>,
): PollSchedule {
  return {
    interval: authorization.interval,
    lastPollAt: null,
    expiresAt: authorization.received_at + authorization.expires_in * 1000,
  }
}

/**
 * The schedule after a poll came back as `outcome`: slow_down adds 5 s to the interval, expired
 * ends the codes' life now; a request that was never sent (invalid input) changes nothing.
 * RFC 8628 §3.5.
 */
export function afterPoll(schedule: PollSchedule, outcome: PollOutcome['kind'], now: number): PollSchedule {
  switch (outcome) {
    case 'invalid_input':
      return schedule
    case 'slow_down':
      return { ...schedule, interval: schedule.interval + SLOW_DOWN_STEP, lastPollAt: now }
    case 'expired':
      return { ...schedule, lastPollAt: now, expiresAt: Math.min(schedule.expiresAt, now) }
    case 'tokens':
    case 'pending':
    case 'denied':
    case 'transport':
    case 'oauth_error':
    case 'not_oauth':
      return { ...schedule, lastPollAt: now }
    default:
      return exhaustiveSwitchError(outcome)
  }
}

/** Whole seconds until the interval since the last poll has passed; 0 before the first poll. RFC 8628 §3.5. */
export function secondsUntilNextPoll(schedule: PollSchedule, now: number): number {
  if (schedule.lastPollAt === null) return 0
  return Math.max(0, Math.ceil((schedule.lastPollAt + schedule.interval * 1000 - now) / 1000))
}

/** Whether polling now would come sooner than the interval allows. RFC 8628 §3.5. */
export function isTooEarly(schedule: PollSchedule, now: number): boolean {
  return secondsUntilNextPoll(schedule, now) > 0
}

/** Whole seconds the device_code and user_code remain valid, 0 once expired. RFC 8628 §3.2. */
export function secondsUntilExpiry(schedule: Pick<PollSchedule, 'expiresAt'>, now: number): number {
  return Math.max(0, Math.ceil((schedule.expiresAt - now) / 1000))
}
