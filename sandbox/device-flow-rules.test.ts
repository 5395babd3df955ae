import { describe, expect, test, vi } from 'vitest'
import { createPollPacer, deviceFlowRules, shortestAllowedGapMs } from './device-flow-rules.ts'

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

describe('pollTiming: a poll is timed on arrival, with a tolerance relative to the interval', () => {
  test('the tolerance is a quarter of the interval, at least 250 ms', () => {
    expect(shortestAllowedGapMs(1)).toBe(750)
    expect(shortestAllowedGapMs(2)).toBe(1_500)
    expect(shortestAllowedGapMs(5)).toBe(3_750)
    expect(shortestAllowedGapMs(10)).toBe(7_500)
  })

  test('slow processing of a poll does not make the next one, sent an interval later, look early', async () => {
    vi.useFakeTimers({ now: 0 })
    try {
      const rules = deviceFlowRules({ interval: 1, deviceCodeTtl: 600, tokenPath: '/token', deviceAuthorizationPath: '/device' })
      // The provider takes 600 ms to answer the first poll, as on a busy machine.
      const pollArriving = (processingMs: number) => {
        const ctx = { method: 'POST', path: '/token', oidc: { params: { device_code: 'code' } }, body: undefined as unknown }
        const done = rules(ctx as never, async () => {
          await new Promise((resolve) => setTimeout(resolve, processingMs))
          ctx.body = { error: 'authorization_pending' }
        })
        return { ctx, done }
      }
      const first = pollArriving(600)
      await vi.advanceTimersByTimeAsync(600)
      await first.done
      // The client kept to the interval: its next poll arrives 1 s after the first one arrived.
      await vi.advanceTimersByTimeAsync(400)
      const second = pollArriving(0)
      await vi.advanceTimersByTimeAsync(0)
      await second.done
      expect(second.ctx.body).toEqual({ error: 'authorization_pending' })

      // A poll that really comes too soon still earns slow_down.
      const third = pollArriving(0)
      await vi.advanceTimersByTimeAsync(0)
      await third.done
      expect(third.ctx.body).toMatchObject({ error: 'slow_down' })
    } finally {
      vi.useRealTimers()
    }
  })
})
