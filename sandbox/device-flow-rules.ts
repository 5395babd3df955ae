import type { ProviderMiddleware } from 'oidc-provider'

/** RFC 8628 §3.5: on slow_down the interval grows by 5 seconds for this and all later polls. */
const SLOW_DOWN_STEP_SECONDS = 5
/**
 * A poll counts as too early only when it beats the interval by more than this. A client that waits the
 * interval after *sending* its last poll can arrive a little early when that poll travelled slower.
 */
const NETWORK_SLACK_MS = 250

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
    pendingPoll(deviceCode: string, now = Date.now()): PollVerdict {
      forgetExpired(now)
      const state = polls.get(deviceCode)
      if (!state) {
        polls.set(deviceCode, { lastPollAt: now, interval: initialInterval })
        return { kind: 'in_time' }
      }
      const early = now - state.lastPollAt < state.interval * 1000 - NETWORK_SLACK_MS
      state.lastPollAt = now
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
    await next()
    if (ctx.method !== 'POST') return

    if (ctx.path === options.deviceAuthorizationPath && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      ctx.body = { ...ctx.body, interval: options.interval }
      return
    }

    const deviceCode = ctx.oidc?.params?.device_code
    if (ctx.path === options.tokenPath && typeof deviceCode === 'string' && isOAuthError(ctx.body, 'authorization_pending')) {
      const verdict = pacer.pendingPoll(deviceCode)
      if (verdict.kind === 'too_early') {
        ctx.body = {
          error: 'slow_down',
          error_description: `polling too often: wait at least ${verdict.interval} seconds between polls`,
        }
      }
    }
  }
}
