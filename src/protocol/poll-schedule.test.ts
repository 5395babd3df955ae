import { describe, expect, it } from 'vitest'
import { afterPoll, initialPollSchedule, isTooEarly, secondsUntilExpiry, secondsUntilNextPoll } from './poll-schedule.ts'

const t0 = 1_700_000_000_000
const schedule = initialPollSchedule({ interval: 5, expires_in: 600, received_at: t0 })

describe('poll schedule', () => {
  it('starts with the server interval, no poll yet, and expiry counted from receipt', () => {
    expect(schedule).toEqual({ interval: 5, lastPollAt: null, expiresAt: t0 + 600_000 })
  })

  it('allows the first poll at once', () => {
    expect(secondsUntilNextPoll(schedule, t0)).toBe(0)
    expect(isTooEarly(schedule, t0)).toBe(false)
  })

  it('counts whole seconds down to the next poll after a pending reply', () => {
    const next = afterPoll(schedule, 'pending', t0 + 1_000)
    expect(next).toEqual({ ...schedule, lastPollAt: t0 + 1_000 })
    expect(secondsUntilNextPoll(next, t0 + 1_000)).toBe(5)
    expect(secondsUntilNextPoll(next, t0 + 3_500)).toBe(3)
    expect(isTooEarly(next, t0 + 5_999)).toBe(true)
    expect(isTooEarly(next, t0 + 6_000)).toBe(false)
  })

  it('adds 5 seconds to the interval on each slow_down', () => {
    const slowed = afterPoll(afterPoll(schedule, 'slow_down', t0), 'slow_down', t0 + 10_000)
    expect(slowed.interval).toBe(15)
    expect(secondsUntilNextPoll(slowed, t0 + 10_000)).toBe(15)
  })

  it('ends the codes\' life when the server says expired', () => {
    const expired = afterPoll(schedule, 'expired', t0 + 60_000)
    expect(secondsUntilExpiry(expired, t0 + 60_000)).toBe(0)
  })

  it('leaves the schedule alone when the poll was never sent', () => {
    expect(afterPoll(schedule, 'invalid_input', t0 + 1_000)).toBe(schedule)
  })

  it('counts a failed request as a poll', () => {
    expect(afterPoll(schedule, 'transport', t0 + 2_000).lastPollAt).toBe(t0 + 2_000)
  })

  it('counts whole seconds to expiry and stops at zero', () => {
    expect(secondsUntilExpiry(schedule, t0)).toBe(600)
    expect(secondsUntilExpiry(schedule, t0 + 599_001)).toBe(1)
    expect(secondsUntilExpiry(schedule, t0 + 700_000)).toBe(0)
  })
})
