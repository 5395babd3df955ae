import { create } from 'zustand'
import type { StateStorage } from 'zustand/middleware'
import { formatBytes } from '../protocol/limits.ts'

interface StorageProblem {
  /** The storage key that could not be written. */
  key: string
  message: string
}

/**
 * The most one saved key may take (UTF-16, as browsers count it): far above any real settings,
 * far below a browser's per-site quota, so one server's megabytes of text cannot crowd out the
 * other saves, and the refusal is the same in every browser.
 */
export const MAX_SAVED_BYTES = 2 * 1024 * 1024

const useStorageProblemStore = create<{ problem: StorageProblem | null }>()(() => ({ problem: null }))

/** The last failed save, or null once a later save of the same key worked. */
export const useStorageProblem = () => useStorageProblemStore((state) => state.problem)
export const storageProblemDismissed = () => useStorageProblemStore.setState({ problem: null })

/**
 * localStorage for zustand's persist that never throws: a write the browser refuses (quota
 * exceeded, storage disabled) leaves what was saved before in place and is reported on screen
 * instead of escaping as an uncaught error that stops every later save.
 */
export function guardedLocalStorage(): StateStorage {
  return {
    getItem: (name) => {
      try {
        return globalThis.localStorage.getItem(name)
      } catch {
        return null
      }
    },
    setItem: (name, value) => {
      if (value.length * 2 > MAX_SAVED_BYTES) {
        useStorageProblemStore.setState({ problem: { key: name, message: describeOverLimit(value) } })
        return
      }
      try {
        globalThis.localStorage.setItem(name, value)
        if (useStorageProblemStore.getState().problem?.key === name) useStorageProblemStore.setState({ problem: null })
      } catch (error) {
        useStorageProblemStore.setState({ problem: { key: name, message: describeFailure(error, value) } })
      }
    },
    removeItem: (name) => {
      try {
        globalThis.localStorage.removeItem(name)
      } catch {
        // Nothing saved can be worse off for a removal that did not happen.
      }
    },
  }
}

function describeFailure(error: unknown, value: string): string {
  const size = formatBytes(value.length * 2)
  const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  const why = quota ? `the browser's storage for this site is full (the settings need ${size})` : 'the browser refused to store them'
  return `Your latest changes could not be saved on this device: ${why}. What was saved before is kept; the changes stay in this tab until it is closed or reloaded.`
}

function describeOverLimit(value: string): string {
  return (
    `Your latest changes could not be saved on this device: the settings would need ${formatBytes(value.length * 2)}, over the ` +
    `console's ${formatBytes(MAX_SAVED_BYTES)} limit for saved settings (a server's very long value is the usual cause). What was saved ` +
    'before is kept; the changes stay in this tab until it is closed or reloaded.'
  )
}
