import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { guardedLocalStorage, MAX_SAVED_BYTES, storageProblemDismissed, useStorageProblem } from './storage-guard.ts'

// The prototype of the localStorage the code under test writes to: with one jsdom shared by a worker's test
// files, the global `Storage` can be another window's class than the one behind `localStorage`.
const storagePrototype = () => Object.getPrototypeOf(localStorage) as Storage

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  storageProblemDismissed()
})

describe('guardedLocalStorage', () => {
  it('reports a quota error instead of throwing, and keeps what was saved before', () => {
    const storage = guardedLocalStorage()
    storage.setItem('settings', 'before')
    vi.spyOn(storagePrototype(), 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const { result } = renderHook(() => useStorageProblem())

    act(() => {
      expect(() => storage.setItem('settings', 'x'.repeat(1000))).not.toThrow()
    })

    expect(localStorage.getItem('settings')).toBe('before')
    expect(result.current?.message).toContain("the browser's storage for this site is full")
    expect(result.current?.message).toContain('What was saved before is kept')
  })

  it('refuses a value over the console\'s own limit before the browser is asked, naming the limit', () => {
    const storage = guardedLocalStorage()
    storage.setItem('settings', 'before')
    const spy = vi.spyOn(storagePrototype(), 'setItem')
    const { result } = renderHook(() => useStorageProblem())

    act(() => storage.setItem('settings', 'x'.repeat(MAX_SAVED_BYTES / 2 + 1)))

    expect(spy).not.toHaveBeenCalled()
    expect(localStorage.getItem('settings')).toBe('before')
    expect(result.current?.message).toBe(
      "Your latest changes could not be saved on this device: the settings would need 2 MB, over the console's 2 MB limit for saved " +
        "settings (a server's very long value is the usual cause). What was saved before is kept; the changes stay in this tab until it is closed or reloaded.",
    )
  })

  it('clears the problem once a later save of the same key works', () => {
    const storage = guardedLocalStorage()
    const spy = vi.spyOn(storagePrototype(), 'setItem').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const { result } = renderHook(() => useStorageProblem())
    act(() => storage.setItem('settings', 'big'))
    expect(result.current).not.toBeNull()
    spy.mockRestore()
    act(() => storage.setItem('settings', 'small'))
    expect(result.current).toBeNull()
  })
})
