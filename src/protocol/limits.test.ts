import { describe, expect, it } from 'vitest'
import { clampLifetime, clampPollInterval, configureRequestLimits, formatBytes, MAX_TIMER_MS, timerDelay } from './limits.ts'

describe('clampPollInterval', () => {
  it('uses the fallback without a note when the server sent none', () => {
    expect(clampPollInterval(undefined, 5)).toEqual({ value: 5 })
  })
  it('uses a sane interval as sent, text numbers included', () => {
    expect(clampPollInterval(7, 5)).toEqual({ value: 7 })
    expect(clampPollInterval('7', 5)).toEqual({ value: 7 })
  })
  it('clamps 1e9 to an hour, with a note naming what arrived', () => {
    expect(clampPollInterval(1e9, 5)).toEqual({
      value: 3600,
      note: 'the server sent interval 1000000000, above the 3600 s limit: 3600 s is used',
    })
  })
  it('does not call -1 "none": it is named as sent and the default is used', () => {
    expect(clampPollInterval(-1, 5)).toEqual({ value: 5, note: 'the server sent interval -1, below 1 s: 5 s is used' })
  })
  it('raises a fraction of a second to 1 s', () => {
    expect(clampPollInterval(0.01, 5)).toEqual({ value: 1, note: 'the server sent interval 0.01, below 1 s: 1 s is used' })
  })
  it('names a value that is no number', () => {
    expect(clampPollInterval('soon', 5)).toEqual({ value: 5, note: 'the server sent interval "soon", which is not a number: 5 s is used' })
  })
})

describe('clampLifetime', () => {
  it('keeps a lifetime up to a year, clamps more with a note, and refuses no lifetime', () => {
    expect(clampLifetime(600)).toEqual({ value: 600 })
    expect(clampLifetime(1e12)?.value).toBe(31_536_000)
    expect(clampLifetime(1e12)?.note).toContain('above the one-year limit')
    expect(clampLifetime(-5)).toBeNull()
    expect(clampLifetime('x')).toBeNull()
  })
})

describe('timerDelay', () => {
  it('never exceeds what setTimeout holds and is never negative', () => {
    expect(timerDelay(1e12)).toBe(MAX_TIMER_MS)
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS)
    expect(timerDelay(-3)).toBe(0)
    expect(timerDelay(1500)).toBe(1500)
  })
})

describe('configureRequestLimits', () => {
  it('clamps the timeout to 1 s .. 10 min', () => {
    expect(configureRequestLimits({ timeoutMs: 5 }).timeoutMs).toBe(1000)
    expect(configureRequestLimits({ timeoutMs: 1e9 }).timeoutMs).toBe(600_000)
    expect(configureRequestLimits({ timeoutMs: 30_000 }).timeoutMs).toBe(30_000)
  })
})

describe('formatBytes', () => {
  it('reads as people write sizes', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB')
    expect(formatBytes(1536)).toBe('1.5 kB')
    expect(formatBytes(90)).toBe('90 bytes')
  })
})
