import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterNextFrame, afterTimeout, whenIdle } from './after-next-frame.ts'

/** A stubbed requestAnimationFrame whose frames are drawn when the test says, and the idle callbacks likewise. */
function stubFramesAndIdle() {
  const frames = new Map<number, () => void>()
  const idle = new Map<number, { run: () => void; options: IdleRequestOptions | undefined }>()
  let next = 0
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => (frames.set(++next, run), next))
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle))
  vi.stubGlobal('requestIdleCallback', (run: () => void, options?: IdleRequestOptions) => (idle.set(++next, { run, options }), next))
  vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle))
  const drain = <T,>(pending: Map<number, T>, call: (entry: T) => void) => {
    const entries = [...pending.values()]
    pending.clear()
    entries.forEach(call)
  }
  return {
    frames,
    idle,
    drawFrame: () => drain(frames, (run) => run()),
    goIdle: () => drain(idle, ({ run }) => run()),
  }
}

describe('afterNextFrame', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('queues the timer from the next frame, and runs once that timer fires', () => {
    const browser = stubFramesAndIdle()
    const run = vi.fn()
    afterNextFrame(afterTimeout(0), run)
    vi.runAllTimers()
    expect(run).not.toHaveBeenCalled()
    browser.drawFrame()
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(0)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('waits for the browser to be idle after the frame, with the deadline given or none', () => {
    const browser = stubFramesAndIdle()
    const withDeadline = vi.fn()
    const withoutDeadline = vi.fn()
    afterNextFrame(whenIdle({ timeout: 100, fallback: afterTimeout(0) }), withDeadline)
    afterNextFrame(whenIdle({ fallback: afterTimeout(200) }), withoutDeadline)
    expect(browser.idle.size).toBe(0)
    browser.drawFrame()
    expect([...browser.idle.values()].map(({ options }) => options)).toEqual([{ timeout: 100 }, undefined])
    vi.runAllTimers()
    expect(withDeadline).not.toHaveBeenCalled()
    browser.goIdle()
    expect(withDeadline).toHaveBeenCalledTimes(1)
    expect(withoutDeadline).toHaveBeenCalledTimes(1)
  })

  it('falls back to its timer where there are no idle callbacks', () => {
    const browser = stubFramesAndIdle()
    vi.stubGlobal('requestIdleCallback', undefined)
    const run = vi.fn()
    afterNextFrame(whenIdle({ fallback: afterTimeout(200) }), run)
    browser.drawFrame()
    vi.advanceTimersByTime(199)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('never runs when cancelled before the frame, or after the frame before the browser is idle', () => {
    const browser = stubFramesAndIdle()
    const run = vi.fn()
    const cancelBeforeFrame = afterNextFrame(whenIdle({ fallback: afterTimeout(0) }), run)
    const cancelBeforeIdle = afterNextFrame(whenIdle({ fallback: afterTimeout(0) }), run)
    cancelBeforeFrame()
    expect(browser.frames.size).toBe(1)
    browser.drawFrame()
    cancelBeforeIdle()
    expect(browser.idle.size).toBe(0)
    browser.goIdle()
    vi.runAllTimers()
    expect(run).not.toHaveBeenCalled()
  })

  it('cancels a pending timer, and cancelling after the run does nothing', () => {
    stubFramesAndIdle()
    vi.stubGlobal('requestAnimationFrame', undefined)
    const cancelled = vi.fn()
    const ran = vi.fn()
    afterNextFrame(afterTimeout(0), cancelled)()
    const cancelLate = afterNextFrame(afterTimeout(0), ran)
    vi.runAllTimers()
    cancelLate()
    expect(cancelled).not.toHaveBeenCalled()
    expect(ran).toHaveBeenCalledTimes(1)
  })

  it('goes straight to `then` where there are no animation frames', () => {
    stubFramesAndIdle()
    vi.stubGlobal('requestAnimationFrame', undefined)
    const run = vi.fn()
    afterNextFrame(afterTimeout(0), run)
    vi.advanceTimersByTime(0)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
