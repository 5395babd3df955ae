import { useEffect } from 'react'
import type { PollOutcome } from '../../../protocol/device-flow.ts'
import { secondsUntilNextPoll, type PollSchedule } from '../../../protocol/poll-schedule.ts'

/** Outcomes after which polling again cannot help: the device code is used up or the request failed. */
export function endsPolling(outcome: PollOutcome | undefined): boolean {
  return outcome !== undefined && outcome.kind !== 'pending' && outcome.kind !== 'slow_down'
}

interface AutoPollInput {
  enabled: boolean
  schedule: PollSchedule | null
  pending: boolean
  lastOutcome: PollOutcome | undefined
  poll: () => void
}

/**
 * Polls as RFC 8628 §3.5 asks a device to: never before the interval has passed since the last poll,
 * with slow_down's longer interval honoured because the schedule already carries it. Stops at tokens,
 * denial, expiry or any failure, and whenever the person switches it off.
 */
export function useAutoPoll({ enabled, schedule, pending, lastOutcome, poll }: AutoPollInput) {
  const stopped = endsPolling(lastOutcome)
  useEffect(() => {
    if (!enabled || !schedule || pending || stopped) return
    const timer = setTimeout(poll, secondsUntilNextPoll(schedule, Date.now()) * 1000)
    return () => clearTimeout(timer)
  }, [enabled, schedule, pending, stopped, poll])
}
