import { describe, expect, test } from 'vitest'
import { createPollPacer } from './device-flow-rules.ts'

describe('createPollPacer (RFC 8628 §3.5)', () => {
  test('the first pending poll of a device_code is in time', () => {
    const pacer = createPollPacer(5, 600)

    expect(pacer.pendingPoll('code', 0)).toEqual({ kind: 'in_time' })
  })

  test('a poll sooner than the interval is too early and grows the interval by 5 s', () => {
    const pacer = createPollPacer(5, 600)
    pacer.pendingPoll('code', 0)

    expect(pacer.pendingPoll('code', 2_000)).toEqual({ kind: 'too_early', interval: 10 })
  })

  test('after slow_down the grown interval counts from that poll', () => {
    const pacer = createPollPacer(5, 600)
    pacer.pendingPoll('code', 0)
    pacer.pendingPoll('code', 2_000)

    expect(pacer.pendingPoll('code', 9_000)).toEqual({ kind: 'too_early', interval: 15 })
    expect(pacer.pendingPoll('code', 24_000)).toEqual({ kind: 'in_time' })
  })

  test('a poll up to 250 ms early still counts as in time (network jitter)', () => {
    const pacer = createPollPacer(5, 600)
    pacer.pendingPoll('code', 0)

    expect(pacer.pendingPoll('code', 4_750)).toEqual({ kind: 'in_time' })
  })

  test('each device_code is paced on its own', () => {
    const pacer = createPollPacer(5, 600)
    pacer.pendingPoll('first', 0)

    expect(pacer.pendingPoll('second', 100)).toEqual({ kind: 'in_time' })
  })
})
