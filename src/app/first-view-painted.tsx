import { useSyncExternalStore, type ReactNode } from 'react'
import { afterNextFrame, afterTimeout } from '../lib/after-next-frame.ts'

// Once the first view has been painted, parts mounted later (Start over) render at once.
let painted = false
let scheduled = false
const listeners = new Set<() => void>()

/** The frame after the first commit: a timer queued from the next animation frame runs once it is painted. */
function scheduleAfterPaint() {
  if (scheduled) return
  scheduled = true
  afterNextFrame(afterTimeout(0), () => {
    painted = true
    // Every waiting part at once, so they render together in one update rather than one each.
    for (const listener of listeners) listener()
  })
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  scheduleAfterPaint()
  return () => {
    listeners.delete(listener)
  }
}

/**
 * False until the frame after the first view was painted: the parts a person does not start with (the
 * steps below the fold, the walk-through navigation, the HTTP log) wait for it, so the steps they start
 * with reach the screen without them.
 */
export const useFirstViewPainted = (): boolean => useSyncExternalStore(subscribe, () => painted)

/** `children` from the frame after the first view was painted; `placeholder` (nothing by default) before. */
export function AfterFirstView({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  return useFirstViewPainted() ? children : placeholder
}
