import { vi } from 'vitest'

/**
 * Runs `body` with this process's clock stopped `seconds` from now. The sandbox under test runs in the same
 * process, so this is its clock too: a lifetime or an interval passes without waiting, and requests made in
 * `body` arrive at one instant however slowly a busy machine serves them. Only `Date` is stopped; timers and
 * sockets run as usual.
 */
export async function clockStoppedAt<T>(seconds: number, body: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + seconds * 1000 })
  try {
    return await body()
  } finally {
    vi.useRealTimers()
  }
}
