import { useState, useSyncExternalStore } from 'react'

// One clock for every countdown on the page: one interval, and every reader updated in the same render,
// instead of an interval and a render of its own per countdown (one per token in the list).
const readers = new Set<() => void>()
let sharedNow = Date.now()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(reader: () => void) {
  readers.add(reader)
  if (timer === undefined) {
    sharedNow = Date.now()
    timer = setInterval(() => {
      sharedNow = Date.now()
      for (const notify of readers) notify()
    }, 1000)
  }
  return () => {
    readers.delete(reader)
    if (readers.size === 0) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

const readNow = () => sharedNow
const standStill = () => () => {}

/** The current time, refreshed every second while `active` (from one clock shared by all countdowns). */
export function useNow(active: boolean): number {
  const [mountedAt] = useState(() => Date.now())
  const ticking = useSyncExternalStore(active ? subscribe : standStill, readNow)
  return active ? Math.max(ticking, mountedAt) : mountedAt
}

export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds))
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`
}
