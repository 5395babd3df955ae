import type { ProviderMiddleware } from 'oidc-provider'

/** RFC 8628 §3.5: on slow_down the interval grows by 5 seconds for this and all later polls. */
const SLOW_DOWN_STEP_SECONDS = 5
/**
 * A poll counts as too early only when it beats the interval by more than this share of it (and never by
 * less than {@link MIN_SLACK_MS}). Clients that wait the interval after *sending* their last poll arrive
 * early by however much faster this poll travelled than the last; under a room's load that varies a lot.
 */
const TOLERANCE_FRACTION = 0.25
const MIN_SLACK_MS = 250

/** The shortest gap between two pending polls that still counts as keeping to the interval. */
export function shortestAllowedGapMs(intervalSeconds: number): number {
  const intervalMs = intervalSeconds * 1000
  return intervalMs - Math.max(MIN_SLACK_MS, intervalMs * TOLERANCE_FRACTION)
}

interface PollState {
  lastPollAt: number
  interval: number
}

export type PollVerdict = { kind: 'in_time' } | { kind: 'too_early'; interval: number }

/**
 * Remembers, per device_code, when it was last polled while pending and its current interval. oidc-provider
 * never answers slow_down, so the sandbox keeps this itself, in memory like everything else.
 */
export function createPollPacer(initialInterval: number, deviceCodeTtlSeconds: number) {
  const polls = new Map<string, PollState>()

  function forgetExpired(now: number) {
    for (const [code, state] of polls) {
      if (now - state.lastPollAt > deviceCodeTtlSeconds * 1000) polls.delete(code)
    }
  }

  return {
    /** `now` is when the poll ARRIVED: its processing time must not count against the client. */
    pendingPoll(deviceCode: string, now = Date.now()): PollVerdict {
      forgetExpired(now)
      const state = polls.get(deviceCode)
      if (!state) {
        polls.set(deviceCode, { lastPollAt: now, interval: initialInterval })
        return { kind: 'in_time' }
      }
      const early = now - state.lastPollAt < shortestAllowedGapMs(state.interval)
      // Polls processed out of order (a slow one finishing after a later one) never move the clock back.
      state.lastPollAt = Math.max(state.lastPollAt, now)
      if (!early) return { kind: 'in_time' }
      state.interval += SLOW_DOWN_STEP_SECONDS
      return { kind: 'too_early', interval: state.interval }
    },
  }
}

function isOAuthError(body: unknown, code: string): boolean {
  return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === code
}

/**
 * The two RFC 8628 details oidc-provider leaves out:
 * - `interval` in the device authorization reply (§3.2), from the sandbox option;
 * - `slow_down` (§3.5): a pending poll that comes sooner than the interval is answered slow_down instead of
 *   authorization_pending. Only pending polls are paced: once approved, denied or expired, the code's own
 *   answer wins.
 */
export function deviceFlowRules(options: {
  interval: number
  deviceCodeTtl: number
  tokenPath: string
  deviceAuthorizationPath: string
}): ProviderMiddleware {
  const pacer = createPollPacer(options.interval, options.deviceCodeTtl)

  return async function deviceFlow(ctx, next) {
    // Taken on arrival, before the provider works on the request: under load that work takes long, and a
    // time taken after it would make the next poll of a client that kept to the interval look early.
    const arrivedAt = Date.now()
    await next()
    if (ctx.method !== 'POST') return

    if (ctx.path === options.deviceAuthorizationPath && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      ctx.body = { ...ctx.body, interval: options.interval }
      return
    }

    const deviceCode = ctx.oidc?.params?.device_code
    if (ctx.path === options.tokenPath && typeof deviceCode === 'string' && isOAuthError(ctx.body, 'authorization_pending')) {
      const verdict = pacer.pendingPoll(deviceCode, arrivedAt)
      if (verdict.kind === 'too_early') {
        ctx.body = {
          error: 'slow_down',
          error_description: `polling too often: wait at least ${verdict.interval} seconds between polls`,
        }
      }
    }
  }
}
